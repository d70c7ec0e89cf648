using Clinic.Testing;
using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// What Wolverine keeps of a host's scheduled messages, read straight from its incoming envelopes table: a scheduled
/// message is found by a text its body holds (an id of the session, test or side effect it is about).
/// </summary>
public static class OutboxRows
{
    public const string Scheduled = "Scheduled";

    /// <summary>The scheduled messages of <paramref name="messageType"/> whose body mentions <paramref name="about"/>, soonest first.</summary>
    public static Task<IReadOnlyList<ScheduledMessage>> ScheduledAsync(ApiHost host, string messageType, string about) =>
        ScheduledAsync(host.Schema, messageType, about);

    /// <summary>The same, for the API whose database schema is <paramref name="schema"/> (an API process of a test's own).</summary>
    public static async Task<IReadOnlyList<ScheduledMessage>> ScheduledAsync(string schema, string messageType, string about)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT execution_time, attempts FROM {schema}.wolverine_incoming_envelopes
            WHERE status = $1 AND message_type = $2 AND position(convert_to($3, 'UTF8') IN body) > 0
            ORDER BY execution_time
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Scheduled });
        command.Parameters.Add(new NpgsqlParameter { Value = messageType });
        command.Parameters.Add(new NpgsqlParameter { Value = about });
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<ScheduledMessage>();
        while (await reader.ReadAsync())
            found.Add(new ScheduledMessage(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1)));
        return found;
    }

    /// <summary>
    /// Makes the message of <paramref name="messageType"/> about <paramref name="about"/> scheduled for <paramref name="dueAt"/>
    /// due now, as if its time had come, and waits until Wolverine has handled it.
    /// </summary>
    public static async Task FireNowAsync(ApiHost host, string messageType, string about, DateTimeOffset dueAt)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var fire = new NpgsqlCommand($"""
            UPDATE {host.Schema}.wolverine_incoming_envelopes SET execution_time = now()
            WHERE status = $1 AND message_type = $2 AND position(convert_to($3, 'UTF8') IN body) > 0 AND execution_time = $4
            RETURNING id
            """, connection);
        fire.Parameters.Add(new NpgsqlParameter { Value = Scheduled });
        fire.Parameters.Add(new NpgsqlParameter { Value = messageType });
        fire.Parameters.Add(new NpgsqlParameter { Value = about });
        fire.Parameters.Add(new NpgsqlParameter { Value = dueAt.UtcDateTime });
        var id = (Guid)(await fire.ExecuteScalarAsync()).ShouldNotBeNull($"no {messageType} about {about} scheduled for {dueAt:O}");
        await Eventually.WaitForAsync(async () =>
        {
            await using var pending = new NpgsqlCommand(
                $"SELECT count(*) FROM {host.Schema}.wolverine_incoming_envelopes WHERE id = $1 AND status IN ('Scheduled', 'Incoming')", connection);
            pending.Parameters.Add(new NpgsqlParameter { Value = id });
            return (long)(await pending.ExecuteScalarAsync())! == 0 ? true : (bool?)null;
        });
    }

    /// <summary>Makes every scheduled message of <paramref name="messageType"/> about <paramref name="about"/> due now, in <paramref name="schema"/>; returns how many.</summary>
    public static async Task<int> MakeDueNowAsync(string schema, string messageType, string about)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var due = new NpgsqlCommand(
            $"UPDATE {schema}.wolverine_incoming_envelopes SET execution_time = now() WHERE status = $1 AND message_type = $2 AND position(convert_to($3, 'UTF8') IN body) > 0",
            connection);
        due.Parameters.Add(new NpgsqlParameter { Value = Scheduled });
        due.Parameters.Add(new NpgsqlParameter { Value = messageType });
        due.Parameters.Add(new NpgsqlParameter { Value = about });
        return await due.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The messages of <paramref name="messageType"/> Wolverine has committed to handle and not handled yet (received on its
    /// durable local queues, or scheduled), in <paramref name="schema"/>.
    /// </summary>
    public static async Task<long> UnhandledAsync(string schema, string messageType)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM {schema}.wolverine_incoming_envelopes WHERE status IN ('Scheduled', 'Incoming') AND message_type = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = messageType });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The messages Wolverine dead-lettered, of every clinic, whose body mentions <paramref name="about"/> (all, when it is empty).</summary>
    public static async Task<long> DeadLettersAsync(ApiHost host, string about = "")
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM {host.Schema}.wolverine_dead_letters WHERE NOT replayable AND position(convert_to($1, 'UTF8') IN body) > 0", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = about });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public sealed record ScheduledMessage(DateTimeOffset DueAt, int Attempts);
}
