using Npgsql;

namespace Clinic.Messaging.Idempotency;

/// <summary>
/// Replies remembered per (tenant, key). A reply is recorded in the same transaction as the command's
/// events, so a key is either unused or bound to a committed command and its reply.
/// </summary>
internal sealed class IdempotencyKeys(MessageStore store)
{
    public const string UniqueViolation = "23505";
    public const string KeyConstraint = "idempotency_keys_pkey";

    public async Task<(string RequestHash, IdempotentReply Reply)?> FindAsync(string tenantId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT request_hash, status, location, body FROM {store.Schema}.idempotency_keys
            WHERE tenant_id = $1 AND key = $2 AND expires_at > now()
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return (reader.GetString(0), new IdempotentReply(reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
    }

    public IUnitOfWorkParticipant Record(IdempotencyKey key, IdempotentReply reply) => new Recording(store, key, reply);

    /// <summary>
    /// Inserts the key after removing an expired row with the same key. A live row makes the insert fail
    /// with a unique violation, and with it the command's whole transaction: the command is not applied twice.
    /// </summary>
    private sealed class Recording(MessageStore store, IdempotencyKey key, IdempotentReply reply) : IUnitOfWorkParticipant
    {
        public IEnumerable<NpgsqlBatchCommand> Commands(string tenantId)
        {
            var expired = new NpgsqlBatchCommand($"DELETE FROM {store.Schema}.idempotency_keys WHERE tenant_id = $1 AND key = $2 AND expires_at <= now()");
            expired.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            expired.Parameters.Add(new NpgsqlParameter { Value = key.Key });
            yield return expired;

            var insert = new NpgsqlBatchCommand($"""
                INSERT INTO {store.Schema}.idempotency_keys (tenant_id, key, request_hash, status, location, body, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6, now() + $7)
                """);
            insert.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            insert.Parameters.Add(new NpgsqlParameter { Value = key.Key });
            insert.Parameters.Add(new NpgsqlParameter { Value = key.RequestHash });
            insert.Parameters.Add(new NpgsqlParameter { Value = reply.Status });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)reply.Location ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = reply.Body });
            insert.Parameters.Add(new NpgsqlParameter { Value = store.Options.IdempotencyRetention });
            yield return insert;
        }
    }
}
