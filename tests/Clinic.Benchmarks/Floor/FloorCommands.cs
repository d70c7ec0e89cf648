using Clinic.Api.Database;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor for HTTP commands: the database work each command did, with plain Npgsql and no HTTP, in a copy of our
/// schema. Per command, one prepared read of the events of the streams it appended to (what a handler folds to
/// decide), then one round trip <c>BEGIN; INSERT or UPDATE mt_streams (expected version); INSERT mt_events; upsert
/// documents; INSERT Wolverine envelopes; COMMIT</c> with exactly the rows our command wrote: its events by correlation id, its
/// documents and Wolverine envelopes by the transaction that wrote them (their xmin, the events' xmin).
/// </summary>
public sealed class FloorCommands
{
    /// <summary>Wolverine's durable inbox: the messages a command sends to the application's own queues, and its scheduled ones.</summary>
    private const string EnvelopesTable = "wolverine_incoming_envelopes";

    private readonly NpgsqlDataSource _db;
    private readonly string _ours;
    private readonly IReadOnlyList<DocumentTable> _documentTables;

    private FloorCommands(NpgsqlDataSource db, string ours, string floor, IReadOnlyList<DocumentTable> documentTables)
    {
        _db = db;
        _ours = ours;
        Schema = floor;
        _documentTables = documentTables;
    }

    public string Schema { get; }

    /// <summary>A Marten document table: its name and its columns other than the key (tenant_id, id).</summary>
    private sealed record DocumentTable(string Name, IReadOnlyList<string> Columns);

    /// <summary>
    /// Makes the floor's schema with the application's own Marten configuration, adds the tables Marten does not
    /// own (the outbox's) as copies of ours, and copies our schema's rows into it.
    /// </summary>
    public static async Task<FloorCommands> CopyAsync(BenchContext context, string ours, CancellationToken cancellationToken)
    {
        var floor = "bench_" + Guid.NewGuid().ToString("N")[..16];
        await using (var store = new DocumentStore(ClinicMarten.Options(context.Marten, floor, BenchMarten.Keys(context.Marten, floor))))
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var tables = await TablesAsync(context.Floor, ours, cancellationToken);
        var floorTables = (await TablesAsync(context.Floor, floor, cancellationToken)).ToHashSet();
        foreach (var table in tables.Where(t => !floorTables.Contains(t)))
            await ExecuteAsync(context.Floor, $"CREATE TABLE {floor}.{table} (LIKE {ours}.{table} INCLUDING ALL)", cancellationToken);
        // The rows are copied as they are: the chain's trigger would hash the copied events again, beside the copied hashes.
        foreach (var table in tables)
            await ExecuteAsync(context.Floor, $"""
                ALTER TABLE {floor}.{table} DISABLE TRIGGER USER;
                INSERT INTO {floor}.{table} OVERRIDING SYSTEM VALUE SELECT * FROM {ours}.{table};
                ALTER TABLE {floor}.{table} ENABLE TRIGGER USER
                """, cancellationToken);
        await ExecuteAsync(context.Floor, $"SELECT setval('{floor}.mt_events_sequence', (SELECT last_value FROM {ours}.mt_events_sequence))", cancellationToken);
        await ExecuteAsync(context.Floor, $"VACUUM (ANALYZE) {string.Join(", ", tables.SelectMany(t => new[] { $"{ours}.{t}", $"{floor}.{t}" }))}", cancellationToken);
        var documentTables = new List<DocumentTable>();
        foreach (var table in tables.Where(t => t.StartsWith("mt_doc_", StringComparison.Ordinal)))
            documentTables.Add(new DocumentTable(table, await ValueColumnsAsync(context.Floor, floor, table, cancellationToken)));
        return new FloorCommands(context.Floor, ours, floor, documentTables);
    }

    /// <summary>Reads back, from our schema, what the commands with these correlation ids wrote.</summary>
    public async Task<IReadOnlyList<RecordedCommand>> CaptureAsync(IReadOnlyList<string> correlationIds, CancellationToken cancellationToken)
    {
        var commands = correlationIds.ToDictionary(id => id, id => new RecordedCommand(id));
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        await CaptureEventsAsync(connection, commands, cancellationToken);
        var byTransaction = commands.Values.ToDictionary(c => c.TransactionId);
        foreach (var table in _documentTables)
            await CaptureRowsAsync(connection, table.Name, byTransaction, command => command.Documents, cancellationToken);
        await CaptureRowsAsync(connection, EnvelopesTable, byTransaction, command => command.Envelopes, cancellationToken);
        return [.. correlationIds.Select(id => commands[id])];
    }

    /// <summary>Does one command's database work; the events it read are returned so the caller cannot skip the read.</summary>
    public async Task<int> ReplayAsync(RecordedCommand command, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        var read = await ReadStreamsAsync(connection, command.Events.Select(e => e.StreamId).Distinct().ToArray(), cancellationToken);
        await Sql.ExecutePreparedAsync(connection, WriteBatch(command), cancellationToken);
        return read;
    }

    /// <summary>Fails the run unless the floor's schema holds exactly the events ours wrote for these commands.</summary>
    public async Task ExpectSameEventsAsync(IReadOnlyList<string> correlationIds)
    {
        var (ours, floor) = (await CountEventsAsync(_ours, correlationIds), await CountEventsAsync(Schema, correlationIds));
        if (ours != floor || ours < correlationIds.Count)
            throw new InvalidOperationException($"{correlationIds.Count} commands wrote {ours} events in {_ours} and {floor} in {Schema}.");
    }

    private async Task<long> CountEventsAsync(string schema, IReadOnlyList<string> correlationIds)
    {
        await using var count = _db.CreateCommand($"SELECT count(*) FROM {schema}.mt_events WHERE correlation_id = ANY($1)");
        count.Parameters.Add(Sql.Value(correlationIds.ToArray()));
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public Task DropAsync() => ExecuteAsync(_db, $"DROP SCHEMA {Schema} CASCADE", CancellationToken.None);

    private async Task<int> ReadStreamsAsync(NpgsqlConnection connection, Guid[] streams, CancellationToken cancellationToken)
    {
        await using var read = await Sql.PreparedAsync(connection, $"""
            SELECT stream_id, version, type, data FROM {Schema}.mt_events
            WHERE stream_id = ANY($1) AND tenant_id = $2 ORDER BY stream_id, version
            """, cancellationToken, Sql.Value(streams), Sql.Value(Http.BenchApi.Clinic));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            _ = (reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3));
            rows++;
        }
        return rows;
    }

    private IEnumerable<NpgsqlBatchCommand> WriteBatch(RecordedCommand command)
    {
        yield return new NpgsqlBatchCommand("BEGIN");
        foreach (var stream in command.Events.GroupBy(e => e.StreamId))
            yield return WriteStream(stream.Key, stream.First().StreamType, stream.Min(e => e.Version) - 1, stream.Max(e => e.Version));
        yield return InsertEvents(command.CorrelationId, command.Events);
        foreach (var documents in command.Documents.GroupBy(d => d.Table))
            yield return UpsertDocuments(_documentTables.Single(t => t.Name == documents.Key), [.. documents.Select(d => d.Json)]);
        if (command.Envelopes.Count > 0)
            yield return InsertEnvelopes([.. command.Envelopes.Select(e => e.Json)]);
        yield return new NpgsqlBatchCommand("COMMIT");
    }

    /// <summary>A new stream's row, or the existing one moved to its new version if it is still at the expected one.</summary>
    private NpgsqlBatchCommand WriteStream(Guid id, string? type, long expectedVersion, long version) => expectedVersion == 0
        ? Sql.Command($"INSERT INTO {Schema}.mt_streams (tenant_id, id, type, version) VALUES ($1, $2, $3, $4)",
            Sql.Value(Http.BenchApi.Clinic), Sql.Value(id), Sql.NullableText(type), Sql.Value(version))
        : Sql.Command($"UPDATE {Schema}.mt_streams SET version = $3, timestamp = now() WHERE id = $1 AND tenant_id = $2 AND version = $4",
            Sql.Value(id), Sql.Value(Http.BenchApi.Clinic), Sql.Value(version), Sql.Value(expectedVersion));

    private NpgsqlBatchCommand InsertEvents(string correlationId, IReadOnlyList<RecordedEvent> events) => Sql.Command($"""
        INSERT INTO {Schema}.mt_events
            (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, correlation_id, causation_id, headers)
        SELECT nextval('{Schema}.mt_events_sequence'), u.id, u.stream_id, u.version, u.data, u.type, $7, u.timestamp, u.dotnet_type, FALSE,
            $8, u.causation_id, u.headers
        FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::jsonb[], $5::text[], $6::timestamptz[], $9::text[], $10::text[], $11::jsonb[])
            WITH ORDINALITY AS u (id, stream_id, version, data, type, timestamp, dotnet_type, causation_id, headers, ordinal)
        ORDER BY u.ordinal
        """,
        Sql.Value(events.Select(e => e.Id).ToArray()), Sql.Value(events.Select(e => e.StreamId).ToArray()),
        Sql.Value(events.Select(e => e.Version).ToArray()), Sql.Jsonb([.. events.Select(e => e.Data)]),
        Sql.Value(events.Select(e => e.Type).ToArray()),
        new NpgsqlParameter { Value = events.Select(e => e.Timestamp.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
        Sql.Value(Http.BenchApi.Clinic), Sql.Value(correlationId), Sql.Value(events.Select(e => e.DotNetType).ToArray()),
        NullableArray(events.Select(e => e.CausationId), NpgsqlDbType.Text), NullableArray(events.Select(e => e.Headers), NpgsqlDbType.Jsonb));

    /// <summary>The documents' whole rows, as ours wrote them, upserted on Marten's key (tenant_id, id).</summary>
    private NpgsqlBatchCommand UpsertDocuments(DocumentTable table, string[] rows) => Sql.Command($"""
        INSERT INTO {Schema}.{table.Name} SELECT * FROM jsonb_populate_recordset(NULL::{Schema}.{table.Name}, $1::jsonb)
        ON CONFLICT (tenant_id, id) DO UPDATE
        SET ({string.Join(", ", table.Columns)}) = ROW({string.Join(", ", table.Columns.Select(c => "excluded." + c))})
        """, new NpgsqlParameter { Value = $"[{string.Join(",", rows)}]", NpgsqlDbType = NpgsqlDbType.Jsonb });

    private NpgsqlBatchCommand InsertEnvelopes(string[] rows) => Sql.Command($"""
        INSERT INTO {Schema}.{EnvelopesTable} SELECT * FROM jsonb_populate_recordset(NULL::{Schema}.{EnvelopesTable}, $1::jsonb)
        """, new NpgsqlParameter { Value = $"[{string.Join(",", rows)}]", NpgsqlDbType = NpgsqlDbType.Jsonb });

    private static NpgsqlParameter NullableArray(IEnumerable<string?> values, NpgsqlDbType type) =>
        new() { Value = values.Select(v => (object?)v ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };

    private async Task CaptureEventsAsync(NpgsqlConnection connection, Dictionary<string, RecordedCommand> commands, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"""
            SELECT e.correlation_id, e.xmin::text, e.id, e.stream_id, s.type, e.version, e.type, e.data::text, e.mt_dotnet_type,
                e.causation_id, e.headers::text, e.timestamp
            FROM {_ours}.mt_events AS e JOIN {_ours}.mt_streams AS s ON s.id = e.stream_id AND s.tenant_id = e.tenant_id
            WHERE e.correlation_id = ANY($1) ORDER BY e.seq_id
            """, connection);
        select.Parameters.Add(Sql.Value(commands.Keys.ToArray()));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var command = commands[reader.GetString(0)];
            command.TransactionId = reader.GetString(1);
            command.Events.Add(new RecordedEvent(reader.GetGuid(2), reader.GetGuid(3), NullableString(reader, 4), reader.GetInt64(5), reader.GetString(6),
                reader.GetString(7), reader.GetString(8), NullableString(reader, 9), NullableString(reader, 10), reader.GetFieldValue<DateTimeOffset>(11)));
        }
        if (commands.Values.FirstOrDefault(c => c.Events.Count == 0) is { } nothing)
            throw new InvalidOperationException($"Command {nothing.CorrelationId} wrote no event in {_ours}.");
    }

    /// <summary>The rows of <paramref name="table"/> each command's transaction wrote (still as it wrote them), as JSON.</summary>
    private async Task CaptureRowsAsync(NpgsqlConnection connection, string table, Dictionary<string, RecordedCommand> byTransaction,
        Func<RecordedCommand, List<RecordedRow>> rowsOf, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"SELECT r.xmin::text, to_jsonb(r)::text FROM {_ours}.{table} AS r WHERE r.xmin::text = ANY($1)", connection);
        select.Parameters.Add(Sql.Value(byTransaction.Keys.ToArray()));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rowsOf(byTransaction[reader.GetString(0)]).Add(new RecordedRow(table, reader.GetString(1)));
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>
    /// The schema's tables, each after the tables its foreign keys reference (mt_streams before mt_events), so that
    /// copying them in this order inserts every referenced row first.
    /// </summary>
    private static Task<IReadOnlyList<string>> TablesAsync(NpgsqlDataSource db, string schema, CancellationToken cancellationToken) =>
        StringsAsync(db, """
            WITH RECURSIVE foreign_keys AS (
                SELECT child.relname AS child, parent.relname AS parent
                FROM pg_constraint AS c
                JOIN pg_class AS child ON child.oid = c.conrelid
                JOIN pg_class AS parent ON parent.oid = c.confrelid
                JOIN pg_namespace AS n ON n.oid = child.relnamespace
                WHERE c.contype = 'f' AND n.nspname = $1 AND c.conrelid <> c.confrelid
            ), depths (table_name, depth) AS (
                SELECT table_name::text, 0 FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'
                UNION ALL
                SELECT k.child::text, d.depth + 1 FROM depths AS d JOIN foreign_keys AS k ON k.parent = d.table_name
            )
            SELECT table_name FROM depths GROUP BY table_name ORDER BY max(depth), table_name
            """, cancellationToken, schema);

    private static Task<IReadOnlyList<string>> ValueColumnsAsync(NpgsqlDataSource db, string schema, string table, CancellationToken cancellationToken) =>
        StringsAsync(db, """
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = $2 AND column_name NOT IN ('tenant_id', 'id') ORDER BY ordinal_position
            """, cancellationToken, schema, table);

    private static async Task<IReadOnlyList<string>> StringsAsync(NpgsqlDataSource db, string sql, CancellationToken cancellationToken, params string[] parameters)
    {
        await using var select = db.CreateCommand(sql);
        foreach (var parameter in parameters)
            select.Parameters.Add(Sql.Value(parameter));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            values.Add(reader.GetString(0));
        return values;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
