using System.Text.Json;
using Clinic.Messaging.Outbox;
using Npgsql;

namespace Clinic.Messaging.Delivery;

/// <summary>The SQL of delivery: claim due messages, complete them, retry them later or dead-letter them.</summary>
internal sealed class DeliveryStatements(MessageStore store)
{
    /// <summary>
    /// Reserves up to <paramref name="limit"/> due messages for <see cref="MessagingOptions.Lease"/>. SKIP LOCKED
    /// and the lease keep two dispatchers from delivering one message at the same time; a dispatcher that dies
    /// leaves its messages to be claimed again when the lease ends. Each comes with whether the inbox already
    /// holds it (its effect was applied by a delivery that died before completing it).
    /// </summary>
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE {store.Schema}.messages AS m SET locked_until = now() + $2, attempts = m.attempts + 1
            WHERE m.id IN (
                SELECT id FROM {store.Schema}.messages
                WHERE deliver_at <= now() AND (locked_until IS NULL OR locked_until < now())
                ORDER BY deliver_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED)
            RETURNING m.id, m.tenant_id, m.type, m.body, m.headers, m.attempts,
                EXISTS (SELECT 1 FROM {store.Schema}.inbox AS i WHERE i.message_id = m.id)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = store.Options.Lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<MessageHeaders>(reader.GetString(4), store.Json)!, reader.GetInt32(5))
            {
                AlreadyHandled = reader.GetBoolean(6),
            });
        }
        return claimed;
    }

    /// <summary>Records the messages as handled (those whose effect did not already) and removes them, in one transaction.</summary>
    public Task CompleteAsync(Guid[] messageIds, CancellationToken cancellationToken) =>
        messageIds.Length == 0
            ? Task.CompletedTask
            : ExecuteAsync($"""
                WITH handled AS (INSERT INTO {store.Schema}.inbox (message_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING)
                DELETE FROM {store.Schema}.messages WHERE id = ANY($1)
                """, cancellationToken, messageIds);

    public Task RetryLaterAsync(Guid messageId, TimeSpan delay, string error, CancellationToken cancellationToken) =>
        ExecuteAsync($"""
            UPDATE {store.Schema}.messages SET deliver_at = now() + $2, locked_until = NULL, last_error = $3 WHERE id = $1
            """, cancellationToken, messageId, delay, error);

    public Task DeadLetterAsync(Guid messageId, string error, CancellationToken cancellationToken) =>
        ExecuteAsync($"""
            WITH failed AS (DELETE FROM {store.Schema}.messages WHERE id = $1 RETURNING *)
            INSERT INTO {store.Schema}.dead_letters (id, tenant_id, type, body, headers, attempts, last_error)
            SELECT id, tenant_id, type, body, headers, attempts, $2 FROM failed
            """, cancellationToken, messageId, error);

    /// <summary>Forgets handled message ids and idempotency replies past their retention.</summary>
    public Task PurgeExpiredAsync(CancellationToken cancellationToken) =>
        ExecuteAsync($"""
            WITH inbox AS (DELETE FROM {store.Schema}.inbox WHERE handled_at < now() - $1)
            DELETE FROM {store.Schema}.idempotency_keys WHERE expires_at < now()
            """, cancellationToken, store.Options.InboxRetention);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(sql, connection, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return command;
    }
}
