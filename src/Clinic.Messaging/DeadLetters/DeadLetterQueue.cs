using Npgsql;
using NpgsqlTypes;

namespace Clinic.Messaging.DeadLetters;

/// <summary>
/// Messages that failed every attempt, per tenant: listed for inspection and replayed once the cause is fixed.
/// A replayed letter goes back to the outbox with its schedule key, attempts reset. A letter whose key a newer
/// message holds (pending, or a newer dead letter) is not replayed: the newer one replaced it.
/// </summary>
public sealed class DeadLetterQueue(MessageStore store)
{
    private const int ReplayPage = 500;

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? tenantId, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT id, tenant_id, type, body, attempts, last_error, failed_at, schedule_key FROM {store.Schema}.dead_letters
            WHERE $1::text IS NULL OR tenant_id = $1 ORDER BY failed_at LIMIT $2
            """, connection);
        command.Parameters.Add(TenantParameter(tenantId));
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return letters;
    }

    /// <summary>Puts a dead letter back in the outbox for delivery now; false if there is no such letter (in that tenant) to replay.</summary>
    public async Task<bool> ReplayAsync(Guid id, string? tenantId, CancellationToken cancellationToken = default)
    {
        var replayed = await ReplayWhereAsync("l.id = $1", id, tenantId, cancellationToken) == 1;
        if (replayed)
            store.NotifyCommitted();
        return replayed;
    }

    /// <summary>Replays every dead letter (of that tenant) that failed before this call, a page at a time; returns how many.</summary>
    public async Task<int> ReplayAllAsync(string? tenantId, CancellationToken cancellationToken = default)
    {
        var before = await DatabaseNowAsync(cancellationToken);
        var total = 0;
        int page;
        do
        {
            page = await ReplayWhereAsync("l.failed_at <= $1", before, tenantId, cancellationToken);
            total += page;
        }
        while (page == ReplayPage);
        if (total > 0)
            store.NotifyCommitted();
        return total;
    }

    /// <summary>Moves up to a page of the letters matching <paramref name="filter"/> (on <c>l</c>, with <c>$1</c>) back to the outbox.</summary>
    private async Task<int> ReplayWhereAsync(string filter, object filterValue, string? tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH replayed AS (
                DELETE FROM {store.Schema}.dead_letters WHERE id IN (
                    SELECT l.id FROM {store.Schema}.dead_letters AS l
                    WHERE {filter} AND ($2::text IS NULL OR l.tenant_id = $2)
                      AND NOT EXISTS (SELECT 1 FROM {store.Schema}.messages AS m
                                      WHERE m.tenant_id = l.tenant_id AND m.schedule_key = l.schedule_key)
                      AND NOT EXISTS (SELECT 1 FROM {store.Schema}.dead_letters AS newer
                                      WHERE newer.tenant_id = l.tenant_id AND newer.schedule_key = l.schedule_key AND newer.failed_at > l.failed_at)
                    ORDER BY l.failed_at
                    LIMIT $3
                    FOR UPDATE SKIP LOCKED)
                RETURNING *)
            INSERT INTO {store.Schema}.messages (id, tenant_id, type, body, headers, deliver_at, schedule_key)
            SELECT id, tenant_id, type, body, headers, now(), schedule_key FROM replayed
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = filterValue });
        command.Parameters.Add(TenantParameter(tenantId));
        command.Parameters.Add(new NpgsqlParameter { Value = ReplayPage });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DateTime> DatabaseNowAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT now()", connection);
        return (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlParameter<string?> TenantParameter(string? tenantId) => new() { TypedValue = tenantId, NpgsqlDbType = NpgsqlDbType.Text };
}
