using System.Buffers.Binary;
using System.Data.Common;
using System.Text;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace Clinic.Api.Database;

/// <summary>
/// The events' hash chain and the clinic's signed checkpoints of it (docs/event-store.md): the table of each event's
/// hash, the table of checkpoints, and the trigger that hashes every event as it is inserted. Applied after Marten's
/// event tables, like <see cref="AppendOnlyEvents"/>, because the trigger is on <c>mt_events</c>.
/// </summary>
public sealed class EventChain(string schema, Migrator migrator) : FeatureSchemaBase(nameof(EventChain), migrator)
{
    public const string HashesTable = "mt_event_hashes";
    public const string CheckpointsTable = "mt_event_checkpoints";

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        yield return Hashes(schema);
        yield return Checkpoints(schema);
        yield return new EventChainTrigger(schema);
    }

    /// <summary>One row per event, by its place in its stream: its hash, and the hash it was chained to.</summary>
    private static Table Hashes(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, HashesTable, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("tenant_id", "varchar").NotNull().AsPrimaryKey();
        table.AddColumn("stream_id", "uuid").NotNull().AsPrimaryKey();
        table.AddColumn("version", "bigint").NotNull().AsPrimaryKey();
        table.AddColumn("hash", "bytea").NotNull();
        table.AddColumn("previous_hash", "bytea").NotNull();
        return table;
    }

    /// <summary>
    /// A clinic's checkpoints, numbered from 1: the stream heads that changed since the one before (the heads of all its
    /// streams are the fold of them), the hash of the one before, its own hash over all of these, and its signature.
    /// </summary>
    private static Table Checkpoints(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, CheckpointsTable, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("tenant_id", "varchar").NotNull().AsPrimaryKey();
        table.AddColumn("sequence", "bigint").NotNull().AsPrimaryKey();
        table.AddColumn("created_at", "timestamp with time zone").NotNull();
        table.AddColumn("changed_heads", "jsonb").NotNull();
        table.AddColumn("previous_hash", "bytea").NotNull();
        table.AddColumn("hash", "bytea").NotNull();
        table.AddColumn("key_id", "varchar").NotNull();
        table.AddColumn("signature", "bytea").NotNull();
        return table;
    }
}

/// <summary>
/// The row trigger on <c>mt_events</c> that writes each inserted event's hash in the same transaction, the function that
/// hashes one event, and the trigger function, which does the same for its row itself (a call of the function costs
/// an append about a tenth of the trigger's time); on creation, the events already stored are hashed in stream order when
/// no event has a hash yet (a store that predates the chain). The hash is <c>sha256(previous || content)</c>, the
/// content being the event's columns, each as a 4-byte big-endian length (-1 for null) and its UTF-8 text, in the order
/// <see cref="Integrity.EventHash"/> reads them to check it; the previous hash is the one of the event before in the
/// stream, or 32 zero bytes for the first. Marten's tombstones (placeholders for failed appends, numbered by their
/// sequence) are hashed but not chained.
/// </summary>
/// <remarks>Compared like <see cref="AppendOnlyEventsGuard"/>: by the functions' stored bodies and the trigger's catalog row.</remarks>
public sealed class EventChainTrigger : ISchemaObject
{
    public const string Name = "mt_events_chain";
    public const string LinkFunction = "mt_event_chain_link";

    /// <summary><c>pg_trigger.tgtype</c>: ROW (1) INSERT (4), after (no BEFORE bit).</summary>
    private const short TriggerType = 1 | 4;

    private readonly string _schema;
    private readonly string _events;
    private readonly string _hashes;

    public EventChainTrigger(string schema)
    {
        _schema = schema;
        Identifier = new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.Function);
        _events = new PostgresqlObjectName(schema, AppendOnlyEventsGuard.EventsTable, SchemaUtils.IdentifierUsage.General).QualifiedName;
        _hashes = new PostgresqlObjectName(schema, EventChain.HashesTable, SchemaUtils.IdentifierUsage.General).QualifiedName;
    }

    public DbObjectName Identifier { get; }

    private string Link => $"{_schema}.{LinkFunction}";

    /// <summary>
    /// Hashes the event in the row variable <paramref name="e"/> and records it: the link function's body and, ended by
    /// <paramref name="ending"/>, the trigger's. The hash is one PL/pgSQL assignment, a "simple expression" whose state
    /// PL/pgSQL keeps for the transaction (as part of a statement it was built again for every event: 1.5 times the
    /// trigger's instructions), the two long fields converted once beforehand. The two statements are the look-up of
    /// the hash before (skipped where the chain starts, as <see cref="Integrity.StreamCheck"/> reads it) and the insert.
    /// The genesis hash, the tombstone's type and the layout's first field are constants.
    /// </summary>
    private string HashBlock(string e, string ending) => $$"""
        DECLARE
            previous bytea;
            data bytea := convert_to({{e}}.data::text, 'UTF8');
            headers bytea := convert_to({{e}}.headers::text, 'UTF8');
            hash bytea;
        BEGIN
            IF {{e}}.version <> 1 AND {{e}}.type <> '{{Integrity.EventHash.TombstoneType}}' THEN
                SELECT h.hash INTO previous FROM {{_hashes}} AS h
                WHERE h.tenant_id = {{e}}.tenant_id AND h.stream_id = {{e}}.stream_id AND h.version = {{e}}.version - 1;
            END IF;
            previous := coalesce(previous, '\x{{Convert.ToHexStringLower(Integrity.EventHash.Genesis)}}'::bytea);
            hash := sha256(previous || '\x{{FormatField}}'::bytea
                || {{string.Join("\n        || ", Fields(e))}});
            INSERT INTO {{_hashes}} (tenant_id, stream_id, version, hash, previous_hash)
            VALUES ({{e}}.tenant_id, {{e}}.stream_id, {{e}}.version, hash, previous);{{ending}}
        END;
        """;

    /// <summary>The event's fields after the layout's version, in <see cref="Integrity.EventHash"/>'s order.</summary>
    private static IEnumerable<string> Fields(string e) =>
    [
        Text($"{e}.tenant_id"), Text($"{e}.stream_id::text"), Text($"{e}.version::text"), Text($"{e}.seq_id::text"),
        Text($"{e}.id::text"), Text($"{e}.type"), Text($"{e}.mt_dotnet_type"),
        Text($"(extract(epoch FROM {e}.timestamp) * 1000000)::bigint::text"), Field("data"), Field("headers"),
        Text($"{e}.correlation_id"), Text($"{e}.causation_id"),
    ];

    /// <summary>The layout's version, the first field of every event's content, encoded as a field.</summary>
    private static string FormatField
    {
        get
        {
            var text = Encoding.UTF8.GetBytes(Integrity.EventHash.Format);
            var encoded = new byte[sizeof(int) + text.Length];
            BinaryPrimitives.WriteInt32BigEndian(encoded, text.Length);
            text.CopyTo(encoded, sizeof(int));
            return Convert.ToHexStringLower(encoded);
        }
    }

    /// <summary>A text field: its UTF-8 bytes, their length first, or the length -1 alone for null.</summary>
    private static string Text(string text) => Field($"convert_to({text}, 'UTF8')");

    private static string Field(string bytes) => $"coalesce(int4send(octet_length({bytes})) || {bytes}, int4send(-1))";

    private string LinkBody => HashBlock("e", "");

    private string TriggerBody => HashBlock("NEW", "\n    RETURN NULL;");

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        writer.WriteLine($"CREATE OR REPLACE FUNCTION {Link}(e {_events}) RETURNS void LANGUAGE plpgsql AS $function${LinkBody}$function$;");
        writer.WriteLine($"CREATE OR REPLACE FUNCTION {Identifier.QualifiedName}() RETURNS trigger LANGUAGE plpgsql AS $function${TriggerBody}$function$;");
        writer.WriteLine($"DROP TRIGGER IF EXISTS {Name} ON {_events};");
        writer.WriteLine($"CREATE TRIGGER {Name} AFTER INSERT ON {_events} FOR EACH ROW EXECUTE FUNCTION {Identifier.QualifiedName}();");
        writer.WriteLine($"""
            DO $backfill$
            DECLARE e {_events};
            BEGIN
                IF NOT EXISTS (SELECT FROM {_hashes}) THEN
                    FOR e IN SELECT * FROM {_events} ORDER BY tenant_id, stream_id, version LOOP
                        PERFORM {Link}(e);
                    END LOOP;
                END IF;
            END $backfill$;
            """);
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
        writer.WriteLine($"DROP TRIGGER IF EXISTS {Name} ON {_events};");
        writer.WriteLine($"DROP FUNCTION IF EXISTS {Identifier.QualifiedName}();");
        writer.WriteLine($"DROP FUNCTION IF EXISTS {Link}({_events});");
    }

    /// <summary>One row: the two functions' bodies, and whether the trigger chains (see <see cref="EventsTriggerCatalog"/>).</summary>
    public void ConfigureQueryCommand(DbCommandBuilder builder) =>
        EventsTriggerCatalog.AppendQuery(builder, _schema, Name, TriggerType, (LinkFunction, 1), (Name, 0));

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
    {
        await reader.ReadAsync(ct);
        var linkBody = await reader.IsDBNullAsync(0, ct) ? null : reader.GetString(0);
        var triggerBody = await reader.IsDBNullAsync(1, ct) ? null : reader.GetString(1);
        var triggerChains = reader.GetBoolean(2);
        var difference = linkBody is null || triggerBody is null ? SchemaPatchDifference.Create
            : linkBody == LinkBody && triggerBody == TriggerBody && triggerChains ? SchemaPatchDifference.None
            : SchemaPatchDifference.Update;
        return new SchemaObjectDelta(this, difference);
    }

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }
}
