using Clinic.Testing;
using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>What a host's outbox (and event) tables hold, read straight from them.</summary>
public static class OutboxRows
{
    /// <summary>The message scheduled under <paramref name="key"/>: when it is due, and how many attempts it has spent; null if none.</summary>
    public static async Task<ScheduledMessage?> ScheduledAsync(ApiHost host, string key)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT deliver_at, attempts FROM {host.Schema}.messages WHERE schedule_key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new ScheduledMessage(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1)) : null;
    }

    /// <summary>The rows of <paramref name="tenant"/>, or of every clinic (for writes whose tenant no query could name).</summary>
    public static async Task<long> CountAsync(ApiHost host, string table, string? tenant = null)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {host.Schema}.{table}{(tenant is null ? "" : " WHERE tenant_id = $1")}", connection);
        if (tenant is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(ApiHost host, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", host.Schema), connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }

    public sealed record ScheduledMessage(DateTimeOffset DueAt, int Attempts);
}
