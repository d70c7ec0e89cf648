using Npgsql;

namespace Clinic.Messaging.DeadLetters;

/// <summary>Messages that failed every attempt, per tenant: listed for inspection and replayed once the cause is fixed.</summary>
public sealed class DeadLetterQueue(MessageStore store)
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? tenantId, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT id, tenant_id, type, body, attempts, last_error, failed_at FROM {store.Schema}.dead_letters
            WHERE $1::text IS NULL OR tenant_id = $1 ORDER BY failed_at LIMIT $2
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = tenantId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return letters;
    }

    /// <summary>Puts a dead letter back in the outbox for delivery now, with its attempts reset; false if there is no such letter (in that tenant).</summary>
    public async Task<bool> ReplayAsync(Guid id, string? tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH replayed AS (
                DELETE FROM {store.Schema}.dead_letters WHERE id = $1 AND ($2::text IS NULL OR tenant_id = $2) RETURNING *)
            INSERT INTO {store.Schema}.messages (id, tenant_id, type, body, headers, deliver_at)
            SELECT id, tenant_id, type, body, headers, now() FROM replayed
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = tenantId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var replayed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (replayed)
            store.NotifyCommitted();
        return replayed;
    }
}
