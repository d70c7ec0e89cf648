using Clinic.Api.Database;
using Clinic.Messaging;
using Microsoft.Extensions.Configuration;
using Npgsql;
using NpgsqlTypes;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor for HTTP commands: the database work each command did, with plain Npgsql and no HTTP, in a
/// copy of our schema. Per command, one prepared read of the events of the streams it appended to (what a
/// handler folds to decide), then one round trip <c>BEGIN; UPDATE streams (expected version); INSERT
/// events; upsert documents; INSERT messages; COMMIT</c> with exactly the rows our command wrote (events by
/// correlation id; documents by their last_modified, which is the transaction's now() like the events'
/// recorded_at; messages by correlation id).
/// </summary>
public sealed class FloorCommands
{
    private readonly NpgsqlDataSource _db;
    private readonly string _ours;
    private readonly IReadOnlyList<string> _documentTables;

    private FloorCommands(NpgsqlDataSource db, string ours, string floor, IReadOnlyList<string> documentTables)
    {
        _db = db;
        _ours = ours;
        Schema = floor;
        _documentTables = documentTables;
    }

    public string Schema { get; }

    /// <summary>Makes the floor's schema with the API's own migrations and copies our schema's rows into it.</summary>
    public static async Task<FloorCommands> CopyAsync(BenchContext context, string ours, CancellationToken cancellationToken)
    {
        var floor = "bench_" + Guid.NewGuid().ToString("N")[..16];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Clinic:Schema"] = floor }).Build();
        await using (var store = ClinicStoreFactory.Create(context.ConnectionString, configuration))
        {
            await store.ApplySchemaAsync(cancellationToken);
            await new MessageStore(store, new MessagingOptions()).ApplySchemaAsync(cancellationToken);
        }
        var documentTables = await DocumentTablesAsync(context.Floor, ours, cancellationToken);
        foreach (var table in new[] { "streams", "events", "messages" }.Concat(documentTables))
            await ExecuteAsync(context.Floor, $"INSERT INTO {floor}.{table} OVERRIDING SYSTEM VALUE SELECT * FROM {ours}.{table}", cancellationToken);
        await ExecuteAsync(context.Floor, $"SELECT setval(pg_get_serial_sequence('{floor}.events', 'seq_id'), (SELECT max(seq_id) FROM {floor}.events))", cancellationToken);
        await ExecuteAsync(context.Floor, $"VACUUM (ANALYZE) {string.Join(", ", new[] { "streams", "events", "messages" }.Concat(documentTables).SelectMany(t => new[] { $"{ours}.{t}", $"{floor}.{t}" }))}", cancellationToken);
        return new FloorCommands(context.Floor, ours, floor, documentTables);
    }

    /// <summary>Reads back, from our schema, what the commands with these correlation ids wrote.</summary>
    public async Task<IReadOnlyList<RecordedCommand>> CaptureAsync(IReadOnlyList<string> correlationIds, CancellationToken cancellationToken)
    {
        var commands = correlationIds.ToDictionary(id => id, id => new RecordedCommand(id));
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        await CaptureEventsAsync(connection, commands, cancellationToken);
        var byCommitTime = commands.Values.ToLookup(c => c.CommittedAt);
        foreach (var table in _documentTables)
            await CaptureDocumentsAsync(connection, table, byCommitTime, cancellationToken);
        await CaptureMessagesAsync(connection, commands, cancellationToken);
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
        await using var count = _db.CreateCommand($"SELECT count(*) FROM {schema}.events WHERE metadata->>'correlationId' = ANY($1)");
        count.Parameters.Add(Sql.Value(correlationIds.ToArray()));
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public Task DropAsync() => ExecuteAsync(_db, $"DROP SCHEMA {Schema} CASCADE", CancellationToken.None);

    private async Task<int> ReadStreamsAsync(NpgsqlConnection connection, Guid[] streams, CancellationToken cancellationToken)
    {
        await using var read = await Sql.PreparedAsync(connection, $"""
            SELECT stream_id, version, type, data FROM {Schema}.events
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
        {
            yield return Sql.Command($"UPDATE {Schema}.streams SET version = $3, updated_at = now() WHERE id = $1 AND tenant_id = $2 AND version = $4",
                Sql.Value(stream.Key), Sql.Value(Http.BenchApi.Clinic), Sql.Value(stream.Max(e => e.Version)), Sql.Value(stream.Min(e => e.Version) - 1));
        }
        yield return Sql.Command($"""
            INSERT INTO {Schema}.events (id, stream_id, version, type, data, metadata, tenant_id)
            SELECT * , $6 FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::jsonb[], $7::jsonb[])
            """,
            Sql.Value(command.Events.Select(e => e.Id).ToArray()), Sql.Value(command.Events.Select(e => e.StreamId).ToArray()),
            Sql.Value(command.Events.Select(e => e.Version).ToArray()), Sql.Value(command.Events.Select(e => e.Type).ToArray()),
            Sql.Jsonb([.. command.Events.Select(e => e.Data)]), Sql.Value(Http.BenchApi.Clinic), Sql.Jsonb([.. command.Events.Select(e => e.Metadata)]));
        foreach (var documents in command.Documents.GroupBy(d => d.Table))
        {
            yield return Sql.Command($"""
                INSERT INTO {Schema}.{documents.Key} (tenant_id, id, data) SELECT $1, * FROM unnest($2::text[], $3::jsonb[])
                ON CONFLICT (tenant_id, id) DO UPDATE SET data = excluded.data, last_modified = now()
                """, Sql.Value(Http.BenchApi.Clinic), Sql.Value(documents.Select(d => d.Id).ToArray()), Sql.Jsonb([.. documents.Select(d => d.Data)]));
        }
        if (command.Messages.Count > 0)
            yield return InsertMessages(command.Messages);
        yield return new NpgsqlBatchCommand("COMMIT");
    }

    private NpgsqlBatchCommand InsertMessages(IReadOnlyList<RecordedMessage> messages) => Sql.Command($"""
        INSERT INTO {Schema}.messages (id, tenant_id, type, body, headers, deliver_at, schedule_key)
        SELECT u.id, $1, u.type, u.body, u.headers, u.deliver_at, u.schedule_key
        FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[], $7::text[]) AS u (id, type, body, headers, deliver_at, schedule_key)
        ON CONFLICT (tenant_id, schedule_key) WHERE schedule_key IS NOT NULL DO UPDATE SET
            id = excluded.id, type = excluded.type, body = excluded.body, headers = excluded.headers,
            deliver_at = excluded.deliver_at, attempts = 0, locked_until = NULL, last_error = NULL, created_at = now()
        """,
        Sql.Value(Http.BenchApi.Clinic), Sql.Value(messages.Select(m => m.Id).ToArray()), Sql.Value(messages.Select(m => m.Type).ToArray()),
        Sql.Jsonb([.. messages.Select(m => m.Body)]), Sql.Jsonb([.. messages.Select(m => m.Headers)]),
        new NpgsqlParameter { Value = messages.Select(m => m.DeliverAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
        new NpgsqlParameter { Value = messages.Select(m => (object?)m.ScheduleKey ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    private async Task CaptureEventsAsync(NpgsqlConnection connection, Dictionary<string, RecordedCommand> commands, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"""
            SELECT metadata->>'correlationId', id, stream_id, version, type, data::text, metadata::text, recorded_at
            FROM {_ours}.events WHERE metadata->>'correlationId' = ANY($1) ORDER BY seq_id
            """, connection);
        select.Parameters.Add(Sql.Value(commands.Keys.ToArray()));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var command = commands[reader.GetString(0)];
            command.Events.Add(new RecordedEvent(reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            command.CommittedAt = reader.GetFieldValue<DateTimeOffset>(7);
        }
        if (commands.Values.FirstOrDefault(c => c.Events.Count == 0) is { } nothing)
            throw new InvalidOperationException($"Command {nothing.CorrelationId} wrote no event in {_ours}.");
    }

    private async Task CaptureDocumentsAsync(NpgsqlConnection connection, string table, ILookup<DateTimeOffset, RecordedCommand> byCommitTime, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"SELECT id, data::text, last_modified FROM {_ours}.{table} WHERE last_modified = ANY($1)", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = byCommitTime.Select(g => g.Key.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            foreach (var command in byCommitTime[reader.GetFieldValue<DateTimeOffset>(2)])
                command.Documents.Add(new RecordedDocument(table, reader.GetString(0), reader.GetString(1)));
        }
    }

    private async Task CaptureMessagesAsync(NpgsqlConnection connection, Dictionary<string, RecordedCommand> commands, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"""
            SELECT headers->>'correlationId', id, type, body::text, headers::text, deliver_at, schedule_key
            FROM {_ours}.messages WHERE headers->>'correlationId' = ANY($1)
            """, connection);
        select.Parameters.Add(Sql.Value(commands.Keys.ToArray()));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            commands[reader.GetString(0)].Messages.Add(new RecordedMessage(reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
    }

    private static async Task<IReadOnlyList<string>> DocumentTablesAsync(NpgsqlDataSource db, string schema, CancellationToken cancellationToken)
    {
        await using var select = db.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name LIKE 'doc\\_%' ORDER BY 1");
        select.Parameters.Add(Sql.Value(schema));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            tables.Add(reader.GetString(0));
        return tables;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
