using System.Text.Json;
using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Workloads;
using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor for appends: the stream and event rows Marten's quick append writes for a new stream (an mt_streams row
/// at its final version, then each event with the next value of mt_events_sequence, the session's time, its stable
/// type name and .NET type; and, with an inline projection, the same document rows) in one round trip
/// <c>BEGIN; INSERT mt_streams; INSERT mt_events; [upsert documents;] COMMIT</c>, each INSERT one prepared
/// statement over arrays (unnest).
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
            INSERT INTO {schema}.mt_streams (id, type, version, tenant_id)
            SELECT u.id, $2, u.version, $3 FROM unnest($1::uuid[], $4::bigint[]) AS u (id, version)
            """,
            Sql.Value(streams.Select(s => s.Id).ToArray()),
            Sql.Value(MartenNames.StreamType),
            Sql.Value(BenchContext.Tenant),
            Sql.Value(streams.Select(s => (long)s.Events.Count).ToArray()));

    private NpgsqlBatchCommand InsertEvents(IReadOnlyList<EventRow> rows) =>
        Sql.Command($"""
            INSERT INTO {schema}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived)
            SELECT nextval('{schema}.mt_events_sequence'), u.id, u.stream_id, u.version, u.data, u.type, $6, $8, u.dotnet_type, FALSE
            FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::jsonb[], $7::text[])
                WITH ORDINALITY AS u (id, stream_id, version, type, data, dotnet_type, ordinal)
            ORDER BY u.ordinal
            """,
            Sql.Value(rows.Select(r => r.Id).ToArray()),
            Sql.Value(rows.Select(r => r.StreamId).ToArray()),
            Sql.Value(rows.Select(r => r.Version).ToArray()),
            Sql.Value(rows.Select(r => r.Type).ToArray()),
            Sql.Jsonb(rows.Select(r => r.Data).ToArray()),
            Sql.Value(BenchContext.Tenant),
            Sql.Value(rows.Select(r => r.DotNetType).ToArray()),
            Sql.Value(DateTimeOffset.UtcNow));

    /// <summary>Each event serialized as Marten does: its own JSON, its stable name and .NET type, a version 7 id.</summary>
    private List<EventRow> EventRows(IReadOnlyList<LedgerStream> streams)
    {
        var rows = new List<EventRow>(streams.Sum(s => s.Events.Count));
        foreach (var stream in streams)
        {
            for (var i = 0; i < stream.Events.Count; i++)
            {
                var data = stream.Events[i];
                var type = data.GetType();
                rows.Add(new EventRow(Guid.CreateVersion7(), stream.Id, i + 1, LedgerEventTypes.NameOf[type],
                    JsonSerializer.Serialize(data, type, json), MartenNames.DotNetType(type)));
            }
        }
        return rows;
    }

    private sealed record EventRow(Guid Id, Guid StreamId, long Version, string Type, string Data, string DotNetType);
}
