using System.Text.Json;
using Clinic.Messaging.Outbox;
using Npgsql;

namespace Clinic.Messaging.Delivery;

/// <summary>
/// The SQL of delivery: claim due messages, keep their lease, complete them, retry them later, reschedule them
/// or dead-letter them. Every statement after the claim acts only on the messages its claim token still holds.
/// </summary>
internal sealed class DeliveryStatements(MessageStore store)
{
    /// <summary>
    /// Reserves up to <paramref name="limit"/> due messages for <see cref="MessagingOptions.Lease"/> under
    /// <paramref name="token"/>. SKIP LOCKED and the lease keep two dispatchers from delivering one message at the
    /// same time; a dispatcher that dies leaves its messages to be claimed again when the lease ends. A message
    /// claimed again comes with whether the inbox holds it already (its effect was applied by a delivery that died
    /// before completing it); one claimed for the first time cannot have been handled, so only redeliveries cost
    /// the inbox lookup.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(Guid token, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        var claimed = await ClaimAsync(connection, token, limit, cancellationToken);
        var redelivered = claimed.Where(m => m.Attempts > 1).Select(m => m.Id).ToArray();
        if (redelivered.Length == 0)
            return claimed;
        var handled = await InInboxAsync(connection, redelivered, cancellationToken);
        return [.. claimed.Select(m => handled.Contains(m.Id) ? m with { AlreadyHandled = true } : m)];
    }

    private async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(NpgsqlConnection connection, Guid token, int limit, CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            UPDATE {store.Schema}.messages AS m SET locked_until = now() + $2, attempts = m.attempts + 1, claimed_by = $3
            WHERE m.id IN (
                SELECT id FROM {store.Schema}.messages
                WHERE deliver_at <= now() AND (locked_until IS NULL OR locked_until < now())
                ORDER BY deliver_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED)
            RETURNING m.id, m.tenant_id, m.type, m.body, m.headers, m.attempts, m.deliver_at
            """, connection, [limit, store.Options.Lease, token]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<MessageHeaders>(reader.GetString(4), store.Json)!, reader.GetInt32(5), token)
            {
                DueAt = reader.GetFieldValue<DateTimeOffset>(6),
            });
        }
        return claimed;
    }

    private async Task<HashSet<Guid>> InInboxAsync(NpgsqlConnection connection, Guid[] messageIds, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT message_id FROM {store.Schema}.inbox WHERE message_id = ANY($1)", connection, [messageIds]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var handled = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken))
            handled.Add(reader.GetGuid(0));
        return handled;
    }

    /// <summary>Extends the lease of those of <paramref name="messageIds"/> that the claim still holds (not failed, not claimed by another).</summary>
    public Task RenewLeaseAsync(Guid token, Guid[] messageIds, CancellationToken cancellationToken) =>
        ExecuteAsync($"""
            UPDATE {store.Schema}.messages SET locked_until = now() + $3 WHERE id = ANY($1) AND claimed_by = $2
            """, cancellationToken, messageIds, token, store.Options.Lease);

    /// <summary>
    /// Records the messages as handled and removes those the claim still holds, in one transaction. The inbox
    /// entry is written even for a message another claim has taken since: its effect was applied all the same,
    /// and the entry spares it being applied again.
    /// </summary>
    public Task CompleteAsync(Guid token, Guid[] messageIds, CancellationToken cancellationToken) =>
        messageIds.Length == 0
            ? Task.CompletedTask
            : ExecuteAsync($"""
                WITH handled AS (INSERT INTO {store.Schema}.inbox (message_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING)
                DELETE FROM {store.Schema}.messages WHERE id = ANY($1) AND claimed_by = $2
                """, cancellationToken, messageIds, token);

    public Task RetryLaterAsync(ClaimedMessage message, TimeSpan delay, string error, CancellationToken cancellationToken) =>
        ExecuteAsync($"""
            UPDATE {store.Schema}.messages SET deliver_at = now() + $3, locked_until = NULL, claimed_by = NULL, last_error = $4
            WHERE id = $1 AND claimed_by = $2
            """, cancellationToken, message.Id, message.ClaimToken, delay, error);

    /// <summary>Puts the message back for delivery after <paramref name="delay"/>, giving back the attempt its claim counted.</summary>
    public Task RescheduleAsync(ClaimedMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        ExecuteAsync($"""
            UPDATE {store.Schema}.messages SET deliver_at = now() + $3, attempts = attempts - 1, locked_until = NULL, claimed_by = NULL
            WHERE id = $1 AND claimed_by = $2
            """, cancellationToken, message.Id, message.ClaimToken, delay);

    public Task DeadLetterAsync(ClaimedMessage message, string error, CancellationToken cancellationToken) =>
        ExecuteAsync($"""
            WITH failed AS (DELETE FROM {store.Schema}.messages WHERE id = $1 AND claimed_by = $2 RETURNING *)
            INSERT INTO {store.Schema}.dead_letters (id, tenant_id, type, body, headers, attempts, last_error, schedule_key)
            SELECT id, tenant_id, type, body, headers, attempts, $3, schedule_key FROM failed
            """, cancellationToken, message.Id, message.ClaimToken, error);

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
