using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Clinic.EventStore.Streams;

/// <summary>
/// The SQL of appending a unit of work's streams, in a few statements over arrays whatever the number of
/// streams: the new streams are inserted (a stream that exists violates the primary key); the others are
/// moved from their expected version, and their events take the stream id only from the rows actually
/// moved, so an event of a stream that was not at its expected version violates <c>NOT NULL</c>. Either way
/// the statement fails and the whole transaction rolls back: nothing of the unit of work is written.
/// </summary>
internal sealed class AppendStatements(string schema, string tenantId, JsonSerializerOptions json)
{
    private const string UniqueViolation = "23505";
    private const string NotNullViolation = "23502";

    /// <summary>What a statement's result is to the reader of the batch (Npgsql skips statements that return no rows).</summary>
    public enum Result
    {
        NoRows,
        RowsToSkip,
        Positions,
    }

    public sealed record Statement(NpgsqlBatchCommand Command, Result Result);

    /// <param name="appends">In stream id order, so that two writers lock the streams they share in the same order.</param>
    public IEnumerable<Statement> For(IReadOnlyList<PendingAppend> appends)
    {
        var started = appends.Where(a => a.Expected.IsNew).ToList();
        var moved = appends.Where(a => !a.Expected.IsNew).ToList();
        if (started.Count > 0)
        {
            yield return new Statement(StartStreams(started), Result.NoRows);
            yield return new Statement(InsertEvents(started, guarded: false), Result.Positions);
        }
        if (moved.Count > 1)
            yield return new Statement(LockStreams(moved), Result.RowsToSkip);
        if (moved.Count > 0)
            yield return new Statement(InsertEvents(moved, guarded: true), Result.Positions);
    }

    /// <summary>Whether <paramref name="error"/> is how the statements above refuse a stream that is not at its expected version.</summary>
    public bool IsVersionConflict(PostgresException error) => error switch
    {
        { SqlState: UniqueViolation, ConstraintName: "streams_pkey" or "events_stream_version_unique" } => true,
        { SqlState: NotNullViolation, TableName: "events", ColumnName: "stream_id" } => true,
        _ => false,
    };

    /// <summary>Reads the streams' current versions after a conflict, to name the first stream that was not as expected.</summary>
    public async Task<ConcurrencyException> DiagnoseAsync(NpgsqlDataSource dataSource, IReadOnlyList<PendingAppend> appends, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, long?>();
        await using (var command = dataSource.CreateCommand(
            $"SELECT id, CASE WHEN tenant_id = $2 THEN version END FROM {schema}.streams WHERE id = ANY($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.StreamId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                found[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        }
        var failed = appends.FirstOrDefault(a => a.Expected.IsNew
            ? found.ContainsKey(a.StreamId)
            : found.GetValueOrDefault(a.StreamId) != a.Expected.KnownVersion) ?? appends[0];
        var state = found.GetValueOrDefault(failed.StreamId) is { } version ? $"it is at version {version}"
            : found.ContainsKey(failed.StreamId) ? "it already exists" : "it does not exist";
        return new ConcurrencyException(failed.StreamId, failed.Expected.ToString(), state);
    }

    private NpgsqlBatchCommand StartStreams(IReadOnlyList<PendingAppend> started)
    {
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO {schema}.streams (id, tenant_id, type, version)
            SELECT s.id, $4, s.type, s.version FROM unnest($1::uuid[], $2::text[], $3::bigint[]) AS s (id, type, version)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = started.Select(a => a.StreamId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = started.Select(a => a.StreamType!).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = started.Select(a => (long)a.Events.Count).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return command;
    }

    /// <summary>Takes the stream rows' locks in stream id order before moving them (an UPDATE takes them in its plan's order).</summary>
    private NpgsqlBatchCommand LockStreams(IReadOnlyList<PendingAppend> moved)
    {
        var command = new NpgsqlBatchCommand($"SELECT id FROM {schema}.streams WHERE id = ANY($1) AND tenant_id = $2 ORDER BY id FOR NO KEY UPDATE");
        command.Parameters.Add(new NpgsqlParameter { Value = moved.Select(a => a.StreamId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return command;
    }

    /// <summary>
    /// Inserts the events in order (their sequence follows it) and returns their positions. <paramref name="guarded"/>:
    /// the streams are first moved from their expected version, and only the moved ones give their events a stream id.
    /// </summary>
    private NpgsqlBatchCommand InsertEvents(IReadOnlyList<PendingAppend> appends, bool guarded)
    {
        var command = new NpgsqlBatchCommand($"""
            {(guarded ? MoveStreams : "")}
            INSERT INTO {schema}.events (id, stream_id, version, type, data, metadata, tenant_id)
            SELECT e.id, {(guarded ? "moved.id" : "e.stream_id")}, e.version, e.type, e.data, e.metadata, $7
            FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[])
                WITH ORDINALITY AS e (id, stream_id, version, type, data, metadata, n)
            {(guarded ? "LEFT JOIN moved ON moved.id = e.stream_id" : "")}
            ORDER BY e.n
            RETURNING id, seq_id, recorded_at, tx_id
            """);
        var events = appends.SelectMany(a => a.Events.Select((e, i) => (Append: a, Event: e, Version: a.VersionOf(i)))).ToList();
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Event.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Append.StreamId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Version).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Event.Type).ToArray() });
        command.Parameters.Add(Jsonb(events.Select(e => JsonSerializer.Serialize(e.Event.Data, e.Event.Data.GetType(), json))));
        command.Parameters.Add(Jsonb(appends.SelectMany(a => Enumerable.Repeat(JsonSerializer.Serialize(a.Metadata, json), a.Events.Count))));
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        if (guarded)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.StreamId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.Expected.KnownVersion).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => (long)a.Events.Count).ToArray() });
        }
        return command;
    }

    private string MoveStreams => $"""
        WITH moved AS (
            UPDATE {schema}.streams AS s SET version = x.version + x.appended, updated_at = now()
            FROM unnest($8::uuid[], $9::bigint[], $10::bigint[]) AS x (id, version, appended)
            WHERE s.id = x.id AND s.tenant_id = $7 AND s.version = x.version
            RETURNING s.id)
        """;

    private static NpgsqlParameter Jsonb(IEnumerable<string> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb };
}
