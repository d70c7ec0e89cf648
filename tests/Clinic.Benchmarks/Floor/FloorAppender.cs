using System.Text.Json;
using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Workloads;
using Clinic.EventStore.Events;
using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor for appends: the same stream and event rows (and, with an inline projection, the same
/// document rows) in one round trip <c>BEGIN; INSERT streams; INSERT events; [upsert documents;] COMMIT</c>,
/// each INSERT one prepared statement over arrays (unnest): on this machine that was as fast as
/// multi-row VALUES with one transaction per stream and faster with 100 (see docs/performance.md).
/// </summary>
public sealed class FloorAppender(NpgsqlDataSource db, string schema, JsonSerializerOptions json, bool withBalance) : IAppender
{
    public async Task AppendAsync(IReadOnlyList<LedgerStream> streams, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await Sql.ExecutePreparedAsync(connection, Transaction(streams), cancellationToken);
    }

    private IEnumerable<NpgsqlBatchCommand> Transaction(IReadOnlyList<LedgerStream> streams)
    {
        yield return new NpgsqlBatchCommand("BEGIN");
        yield return InsertStreams(streams);
        yield return InsertEvents(EventRows(streams));
        if (withBalance)
            yield return BalanceUpsert.Command(schema, streams.Select(s => (BenchContext.Tenant, s.Balance())).ToList(), json);
        yield return new NpgsqlBatchCommand("COMMIT");
    }

    private NpgsqlBatchCommand InsertStreams(IReadOnlyList<LedgerStream> streams) =>
        Sql.Command($"""
            INSERT INTO {schema}.streams (id, tenant_id, type, version)
            SELECT u.id, $2, $3, u.version FROM unnest($1::uuid[], $4::bigint[]) AS u (id, version)
            """,
            Sql.Value(streams.Select(s => s.Id).ToArray()),
            Sql.Value(BenchContext.Tenant),
            Sql.Value(LedgerEventTypes.StreamType),
            Sql.Value(streams.Select(s => (long)s.Events.Count).ToArray()));

    private NpgsqlBatchCommand InsertEvents(IReadOnlyList<EventRow> rows) =>
        Sql.Command($"""
            INSERT INTO {schema}.events (id, stream_id, version, type, data, metadata, tenant_id)
            SELECT u.id, u.stream_id, u.version, u.type, u.data, u.metadata, $7
            FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[])
                AS u (id, stream_id, version, type, data, metadata)
            """,
            Sql.Value(rows.Select(r => r.Id).ToArray()),
            Sql.Value(rows.Select(r => r.StreamId).ToArray()),
            Sql.Value(rows.Select(r => r.Version).ToArray()),
            Sql.Value(rows.Select(r => r.Type).ToArray()),
            Sql.Jsonb(rows.Select(r => r.Data).ToArray()),
            Sql.Jsonb(rows.Select(r => r.Metadata).ToArray()),
            Sql.Value(BenchContext.Tenant));

    /// <summary>Each event serialized as the store would: its own JSON, the stream's metadata, a version 7 id.</summary>
    private List<EventRow> EventRows(IReadOnlyList<LedgerStream> streams)
    {
        var rows = new List<EventRow>(streams.Sum(s => s.Events.Count));
        foreach (var stream in streams)
        {
            var metadata = JsonSerializer.Serialize(EventMetadata.None, json);
            for (var i = 0; i < stream.Events.Count; i++)
            {
                var data = stream.Events[i];
                rows.Add(new EventRow(Guid.CreateVersion7(), stream.Id, i + 1, LedgerEventTypes.NameOf[data.GetType()],
                    JsonSerializer.Serialize(data, data.GetType(), json), metadata));
            }
        }
        return rows;
    }

    private sealed record EventRow(Guid Id, Guid StreamId, long Version, string Type, string Data, string Metadata);
}
