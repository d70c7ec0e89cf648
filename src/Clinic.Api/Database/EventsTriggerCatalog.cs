using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace Clinic.Api.Database;

/// <summary>
/// How a trigger of ours on <c>mt_events</c> is found in the catalog: the stored bodies of its functions, and whether the
/// trigger is there as created. Compared by catalog rows, not by text: <c>pg_get_triggerdef</c> writes a trigger its own way.
/// </summary>
internal static class EventsTriggerCatalog
{
    /// <summary>
    /// Appends a query of one row: the body (<c>pg_proc.prosrc</c>) of each function, null when absent, then whether the
    /// trigger is on the events and on each of their partitions (when they are partitioned by clinic), calls the function
    /// of its own name, is of <paramref name="triggerType"/>
    /// (<c>pg_trigger.tgtype</c>), unconditional, and enabled (<c>tgenabled = 'O'</c>; a disabled trigger, or one enabled
    /// for replicas only, does not run). Ended by a semicolon: Weasel runs it in one batch with the next object's query.
    /// </summary>
    public static void AppendQuery(DbCommandBuilder builder, string schema, string trigger, short triggerType, params (string Name, int Arguments)[] functions)
    {
        var schemaParameter = builder.AddParameter(schema).ParameterName;
        var triggerParameter = builder.AddParameter(trigger).ParameterName;
        var tableParameter = builder.AddParameter(AppendOnlyEventsGuard.EventsTable).ParameterName;
        var typeParameter = builder.AddParameter(triggerType).ParameterName;
        var bodies = functions.Select(function =>
        {
            var name = builder.AddParameter(function.Name).ParameterName;
            var arguments = builder.AddParameter(function.Arguments).ParameterName;
            return $"""
                (SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = :{schemaParameter} AND p.proname = :{name} AND p.pronargs = :{arguments}),
                """;
        });
        builder.Append($"""
            SELECT
            {string.Join("\n", bodies)}
                to_regclass(format('%I.%I', :{schemaParameter}, :{tableParameter})) IS NOT NULL
                AND NOT EXISTS (SELECT FROM (SELECT to_regclass(format('%I.%I', :{schemaParameter}, :{tableParameter})) AS relid
                        UNION SELECT relid FROM pg_partition_tree(to_regclass(format('%I.%I', :{schemaParameter}, :{tableParameter})))) AS tree
                    WHERE NOT EXISTS (SELECT FROM pg_trigger t
                        JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE t.tgrelid = tree.relid AND t.tgname = :{triggerParameter}
                          AND n.nspname = :{schemaParameter} AND p.proname = :{triggerParameter} AND p.pronargs = 0
                          AND t.tgtype = :{typeParameter} AND t.tgqual IS NULL AND t.tgenabled = 'O'));
            """);
    }
}
