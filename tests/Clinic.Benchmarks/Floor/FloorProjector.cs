using System.Text.Json;
using Clinic.Benchmarks.Ledger;
using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor for the async daemon: reads the events in commit order (tx_id, seq_id), only behind every
/// running transaction as the store's feed does, in batches; loads the documents a batch touches, folds
/// the batch into them, and upserts them with a checkpoint row in one transaction per batch.
/// </summary>
public sealed class FloorProjector(NpgsqlDataSource db, string schema, JsonSerializerOptions json, int batchSize)
{
    private const string CheckpointName = "ledger-balance-floor";

    private sealed record FeedEvent(ulong TransactionId, long Sequence, string Tenant, Guid StreamId, long Version, object Data);

    /// <summary>Applies every event committed so far; returns when a read finds none left.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var (transactionId, sequence) = (0UL, 0L);
        while (true)
        {
            var batch = await ReadEventsAsync(transactionId, sequence, cancellationToken);
            if (batch.Count == 0)
                return;
            var documents = await LoadDocumentsAsync(batch, cancellationToken);
            Fold(documents, batch);
            (transactionId, sequence) = (batch[^1].TransactionId, batch[^1].Sequence);
            await WriteAsync(documents, transactionId, sequence, cancellationToken);
        }
    }

    private static void Fold(Dictionary<(string Tenant, Guid Id), LedgerBalance?> documents, IReadOnlyList<FeedEvent> batch)
    {
        foreach (var e in batch)
            documents[(e.Tenant, e.StreamId)] = LedgerBalance.Evolve(documents[(e.Tenant, e.StreamId)], e.StreamId, e.Version, e.Data);
    }

    private async Task<IReadOnlyList<FeedEvent>> ReadEventsAsync(ulong transactionId, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var command = await Sql.PreparedAsync(connection, $"""
            SELECT e.tx_id, e.seq_id, e.tenant_id, e.stream_id, e.version, e.type, e.data
            FROM {schema}.events AS e
            WHERE (e.tx_id, e.seq_id) > ($1, $2) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY e.tx_id, e.seq_id
            LIMIT $3
            """, cancellationToken, Sql.Xid8(transactionId), Sql.Value(sequence), Sql.Value(batchSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<FeedEvent>(batchSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            var data = JsonSerializer.Deserialize(reader.GetString(6), LedgerEventTypes.ByName[reader.GetString(5)], json)!;
            events.Add(new FeedEvent(reader.GetFieldValue<ulong>(0), reader.GetInt64(1), reader.GetString(2), reader.GetGuid(3), reader.GetInt64(4), data));
        }
        return events;
    }

    /// <summary>The current documents of the batch's streams (null where there is none yet).</summary>
    private async Task<Dictionary<(string Tenant, Guid Id), LedgerBalance?>> LoadDocumentsAsync(
        IReadOnlyList<FeedEvent> batch, CancellationToken cancellationToken)
    {
        var documents = batch.Select(e => (e.Tenant, Id: e.StreamId)).Distinct().ToDictionary(key => key, _ => (LedgerBalance?)null);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var command = await Sql.PreparedAsync(connection, $"""
            SELECT d.tenant_id, d.data FROM {schema}.{LedgerBalance.Table} AS d
            JOIN unnest($1::text[], $2::text[]) AS k (tenant_id, id) ON d.tenant_id = k.tenant_id AND d.id = k.id
            """, cancellationToken,
            Sql.Value(documents.Keys.Select(k => k.Tenant).ToArray()),
            Sql.Value(documents.Keys.Select(k => k.Id.ToString("D")).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var document = JsonSerializer.Deserialize<LedgerBalance>(reader.GetString(1), json)!;
            documents[(reader.GetString(0), document.Id)] = document;
        }
        return documents;
    }

    private async Task WriteAsync(
        Dictionary<(string Tenant, Guid Id), LedgerBalance?> documents, ulong transactionId, long sequence, CancellationToken cancellationToken)
    {
        var written = documents.Where(d => d.Value is not null).Select(d => (d.Key.Tenant, d.Value!)).ToList();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await Sql.ExecutePreparedAsync(connection,
        [
            new NpgsqlBatchCommand("BEGIN"),
            BalanceUpsert.Command(schema, written, json),
            Sql.Command($"""
                INSERT INTO {schema}.projection_progress (name, last_tx_id, last_seq_id) VALUES ($1, $2, $3)
                ON CONFLICT (name) DO UPDATE SET last_tx_id = excluded.last_tx_id, last_seq_id = excluded.last_seq_id, updated_at = now()
                """, Sql.Value(CheckpointName), Sql.Xid8(transactionId), Sql.Value(sequence)),
            new NpgsqlBatchCommand("COMMIT"),
        ], cancellationToken);
    }
}
