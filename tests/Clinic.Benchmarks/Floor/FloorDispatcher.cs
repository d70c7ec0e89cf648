using System.Text.Json;
using Clinic.Benchmarks.Messages;
using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor for delivery: the same at-least-once contract as the dispatcher (a lease taken with
/// <c>FOR UPDATE SKIP LOCKED</c> under a claim token, the attempt counted, the handler called, then the message
/// recorded in the inbox and removed if the claim still holds it), in two prepared round trips per batch: claim,
/// and complete the whole batch.
/// </summary>
public sealed class FloorDispatcher(NpgsqlDataSource db, string schema, JsonSerializerOptions json, int batchSize, TimeSpan lease)
{
    public async Task DrainAsync(PingCounter handler, CancellationToken cancellationToken)
    {
        while (true)
        {
            var token = Guid.NewGuid();
            var claimed = await ClaimAsync(token, cancellationToken);
            if (claimed.Count == 0)
                return;
            foreach (var (_, body) in claimed)
                handler.Count(JsonSerializer.Deserialize<Ping>(body, json)!);
            await CompleteAsync(token, claimed.Select(m => m.Id).ToArray(), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<(Guid Id, string Body)>> ClaimAsync(Guid token, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var command = await Sql.PreparedAsync(connection, $"""
            UPDATE {schema}.messages AS m SET locked_until = now() + $2, attempts = m.attempts + 1, claimed_by = $3
            WHERE m.id IN (
                SELECT id FROM {schema}.messages
                WHERE deliver_at <= now() AND (locked_until IS NULL OR locked_until < now())
                ORDER BY deliver_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED)
            RETURNING m.id, m.body
            """, cancellationToken, Sql.Value(batchSize), Sql.Value(lease), Sql.Value(token));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<(Guid, string)>(batchSize);
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add((reader.GetGuid(0), reader.GetString(1)));
        return claimed;
    }

    private async Task CompleteAsync(Guid token, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var command = await Sql.PreparedAsync(connection, $"""
            WITH handled AS (INSERT INTO {schema}.inbox (message_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING)
            DELETE FROM {schema}.messages WHERE id = ANY($1) AND claimed_by = $2
            """, cancellationToken, Sql.Value(ids), Sql.Value(token));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
