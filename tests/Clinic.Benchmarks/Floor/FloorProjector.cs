using System.Text.Json;
using Clinic.Benchmarks.Ledger;
using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor for the async daemon: reads the projection's events in sequence order, in batches of the daemon's size;
/// loads the documents a batch touches, folds the batch into them, and upserts them with the projection's
/// progression row (mt_event_progression) in one transaction per batch. Every event was committed before the
/// catch-up starts, so the last sequence number is the high water mark and the floor needs no gap detection.
/// </summary>
public sealed class FloorProjector(NpgsqlDataSource db, string schema, JsonSerializerOptions json, int batchSize)
{
    /// <summary>The progression row Marten's daemon keeps for the projection's one shard.</summary>
    private const string ProgressionName = "ledger-balance:All";

    private sealed record FeedEvent(long Sequence, string Tenant, Guid StreamId, long Version, object Data);

    /// <summary>Applies every event committed so far; returns when a read finds none left.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var sequence = 0L;
        while (true)
        {
            var batch = await ReadEventsAsync(sequence, cancellationToken);
            if (batch.Count == 0)
                return;
            var documents = await LoadDocumentsAsync(batch, cancellationToken);
            Fold(documents, batch);
            sequence = batch[^1].Sequence;
            await WriteAsync(documents, sequence, cancellationToken);
        }
    }

    private static void Fold(Dictionary<(string Tenant, Guid Id), LedgerBalance?> documents, IReadOnlyList<FeedEvent> batch)
    {
        foreach (var e in batch)
            documents[(e.Tenant, e.StreamId)] = LedgerBalance.Fold(documents[(e.Tenant, e.StreamId)], e.StreamId, e.Version, e.Data);
    }

    private async Task<IReadOnlyList<FeedEvent>> ReadEventsAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var command = await Sql.PreparedAsync(connection, $"""
            SELECT seq_id, tenant_id, stream_id, version, type, data FROM {schema}.mt_events
            WHERE seq_id > $1 AND type = ANY($2) AND is_archived = FALSE
            ORDER BY seq_id
            LIMIT $3
            """, cancellationToken, Sql.Value(sequence), Sql.Value(LedgerEventTypes.ByName.Keys.ToArray()), Sql.Value(batchSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<FeedEvent>(batchSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            var data = JsonSerializer.Deserialize(reader.GetString(5), LedgerEventTypes.ByName[reader.GetString(4)], json)!;
            events.Add(new FeedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), reader.GetInt64(3), data));
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
            JOIN unnest($1::text[], $2::uuid[]) AS k (tenant_id, id) ON d.tenant_id = k.tenant_id AND d.id = k.id
            """, cancellationToken,
            Sql.Value(documents.Keys.Select(k => k.Tenant).ToArray()),
            Sql.Value(documents.Keys.Select(k => k.Id).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var document = JsonSerializer.Deserialize<LedgerBalance>(reader.GetString(1), json)!;
            documents[(reader.GetString(0), document.Id)] = document;
        }
        return documents;
    }

    private async Task WriteAsync(Dictionary<(string Tenant, Guid Id), LedgerBalance?> documents, long sequence, CancellationToken cancellationToken)
    {
        var written = documents.Where(d => d.Value is not null).Select(d => (d.Key.Tenant, d.Value!)).ToList();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await Sql.ExecutePreparedAsync(connection,
        [
            new NpgsqlBatchCommand("BEGIN"),
            BalanceUpsert.Command(schema, written, json),
            Sql.Command($"""
                INSERT INTO {schema}.mt_event_progression (name, last_seq_id, last_updated) VALUES ($1, $2, now())
                ON CONFLICT (name) DO UPDATE SET last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated
                """, Sql.Value(ProgressionName), Sql.Value(sequence)),
            new NpgsqlBatchCommand("COMMIT"),
        ], cancellationToken);
    }
}
