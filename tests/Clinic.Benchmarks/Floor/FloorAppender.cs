using System.Text.Json;
using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Workloads;
using Clinic.EventStore.Events;
using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor for appends: the same stream and event rows (and, with an inline projection, the same
/// document rows) in one round trip <c>BEGIN; INSERT streams; INSERT events; [upsert documents;] COMMIT</c>,
/// each INSERT one statement over arrays.
/// </summary>
public sealed class FloorAppender(NpgsqlDataSource db, string schema, JsonSerializerOptions json, bool withBalance) : IAppender
{
    public bool Values { get; init; }
    public bool Prepare { get; init; }

    public async Task AppendAsync(IReadOnlyList<LedgerStream> streams, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        batch.BatchCommands.Add(InsertStreams(streams));
        batch.BatchCommands.Add(Values ? InsertEventsValues(EventRows(streams)) : InsertEvents(EventRows(streams)));
        if (withBalance)
            batch.BatchCommands.Add(BalanceUpsert.Command(schema, streams.Select(s => (BenchContext.Tenant, s.Balance())).ToList(), json));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        if (Prepare)
            await batch.PrepareAsync(cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
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

    private NpgsqlBatchCommand InsertEventsValues(IReadOnlyList<EventRow> rows)
    {
        var values = string.Join(", ", rows.Select((_, i) => $"(${i * 6 + 2}, ${i * 6 + 3}, ${i * 6 + 4}, ${i * 6 + 5}, ${i * 6 + 6}::jsonb, ${i * 6 + 7}::jsonb, $1)"));
        var command = Sql.Command($"INSERT INTO {schema}.events (id, stream_id, version, type, data, metadata, tenant_id) VALUES {values}", Sql.Value(BenchContext.Tenant));
        foreach (var r in rows)
        {
            command.Parameters.Add(Sql.Value(r.Id));
            command.Parameters.Add(Sql.Value(r.StreamId));
            command.Parameters.Add(Sql.Value(r.Version));
            command.Parameters.Add(Sql.Value(r.Type));
            command.Parameters.Add(Sql.Value(r.Data));
            command.Parameters.Add(Sql.Value(r.Metadata));
        }
        return command;
    }

    /// <summary>Each event serialized as the store would: its own JSON, the stream's metadata, a version 7 id.</summary>
    private List<EventRow> EventRows(IReadOnlyList<LedgerStream> streams)
    {
        var rows = new List<EventRow>(streams.Count * 10);
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
