using System.Data.Common;
using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace Clinic.Api.Database;

/// <summary>
/// Keeps the events append-only in the database: <see cref="AppendOnlyEventsGuard"/> on Marten's <c>mt_events</c>.
/// A feature of its own rather than one of Marten's extended schema objects, which Marten applies before its own tables:
/// Marten applies the features added with <c>Storage.Add</c> after the event tables, which the guard's trigger needs.
/// </summary>
public sealed class AppendOnlyEvents(string schema, Migrator migrator) : FeatureSchemaBase(nameof(AppendOnlyEvents), migrator)
{
    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        yield return new AppendOnlyEventsGuard(schema);
    }
}

/// <summary>
/// A statement trigger on <c>mt_events</c> that refuses <c>UPDATE</c>, <c>DELETE</c> and <c>TRUNCATE</c> (a correction
/// is a new event), and the trigger function it calls. The two are one schema object because the trigger depends on the
/// function: they are checked, dropped and created together, so replacing one never loses the other. With the events
/// partitioned by clinic, each partition has the trigger too: PostgreSQL does not clone statement triggers to
/// partitions, and a statement on a partition itself fires only that partition's.
/// </summary>
/// <remarks>
/// The trigger is compared by its catalog row, not by its text: <c>pg_get_triggerdef</c> orders the events its own way
/// (<c>DELETE OR UPDATE</c>) and qualifies names by the search path, and Weasel's <c>Trigger</c>, which compares that
/// text, never finds an <c>UPDATE OR DELETE</c> trigger as configured.
/// </remarks>
public sealed class AppendOnlyEventsGuard : ISchemaObject
{
    public const string Name = "mt_events_append_only";
    public const string EventsTable = "mt_events";

    /// <summary>The SQLSTATE of a refused statement.</summary>
    public const string RefusedState = PostgresErrorCodes.RestrictViolation;

    /// <summary>The function's body, stored by PostgreSQL as written (<c>pg_proc.prosrc</c>), hence compared as written.</summary>
    private const string FunctionBody = """
        BEGIN
            RAISE EXCEPTION 'events are append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                USING ERRCODE = 'restrict_violation', HINT = 'A correction is a new event.';
        END;
        """;

    /// <summary>
    /// <c>pg_trigger.tgtype</c> of the trigger: BEFORE (2) DELETE (8) UPDATE (16) TRUNCATE (32), without the ROW bit (1),
    /// once per statement: TRUNCATE fires no row trigger, and a refused statement need not be looked at row by row.
    /// </summary>
    private const short TriggerType = 2 | 8 | 16 | 32;

    private readonly string _table;

    public AppendOnlyEventsGuard(string schema)
    {
        Identifier = new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.Function);
        _table = new PostgresqlObjectName(schema, EventsTable, SchemaUtils.IdentifierUsage.General).QualifiedName;
    }

    /// <summary>The trigger function's name; the trigger has the same one.</summary>
    public DbObjectName Identifier { get; }

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        writer.WriteLine($"CREATE OR REPLACE FUNCTION {Identifier.QualifiedName}() RETURNS trigger LANGUAGE plpgsql AS $function${FunctionBody}$function$;");
        writer.WriteLine(GuardEveryPartition(Identifier.Schema));
    }

    /// <summary>
    /// Puts the trigger, as configured, on <c>mt_events</c> and each of its partitions where it is missing or not as
    /// configured (see <see cref="EventsTriggerCatalog"/>), leaving the others alone: run by the schema's creation and
    /// update, and after a clinic's partitions are created.
    /// </summary>
    public static string GuardEveryPartition(string schema)
    {
        var function = new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.Function).QualifiedName;
        var table = new PostgresqlObjectName(schema, EventsTable, SchemaUtils.IdentifierUsage.General).QualifiedName;
        return $$"""
            DO $guard$
            DECLARE events regclass;
            BEGIN
                FOR events IN SELECT tree.relid FROM (SELECT '{{table}}'::regclass AS relid UNION SELECT relid FROM pg_partition_tree('{{table}}')) AS tree
                    WHERE NOT EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = tree.relid AND t.tgname = '{{Name}}'
                        AND t.tgfoid = '{{function}}'::regproc AND t.tgtype = {{TriggerType}} AND t.tgqual IS NULL AND t.tgenabled = 'O')
                LOOP
                    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', '{{Name}}', events);
                    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE OR TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION {{function}}()', '{{Name}}', events);
                END LOOP;
            END $guard$;
            """;
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
        writer.WriteLine($"""
            DO $unguard$
            DECLARE events regclass;
            BEGIN
                FOR events IN SELECT tree.relid FROM (SELECT to_regclass('{_table}') AS relid
                    UNION SELECT relid FROM pg_partition_tree(to_regclass('{_table}'))) AS tree WHERE tree.relid IS NOT NULL
                LOOP
                    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', '{Name}', events);
                END LOOP;
            END $unguard$;
            """);
        writer.WriteLine($"DROP FUNCTION IF EXISTS {Identifier.QualifiedName}();");
    }

    /// <summary>One row: the function's body, and whether the trigger guards (see <see cref="EventsTriggerCatalog"/>).</summary>
    public void ConfigureQueryCommand(DbCommandBuilder builder) =>
        EventsTriggerCatalog.AppendQuery(builder, Identifier.Schema, Name, TriggerType, (Name, 0));

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
    {
        await reader.ReadAsync(ct);
        var functionBody = await reader.IsDBNullAsync(0, ct) ? null : reader.GetString(0);
        var triggerGuards = reader.GetBoolean(1);
        return new SchemaObjectDelta(this, Difference(functionBody, triggerGuards));
    }

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }

    private static SchemaPatchDifference Difference(string? functionBody, bool triggerGuards) => functionBody switch
    {
        null => SchemaPatchDifference.Create,
        FunctionBody when triggerGuards => SchemaPatchDifference.None,
        _ => SchemaPatchDifference.Update,
    };
}
