using Clinic.Benchmarks.Measuring;
using Npgsql;

namespace Clinic.Benchmarks.Growth;

/// <summary>
/// How much disk a schema takes per 1M events: its event tables (with their indexes and TOAST), the projections'
/// documents, the whole schema; and per event type, the average row of <c>mt_events</c> (data, headers and columns as
/// stored, without the indexes) scaled to 1M events of that type.
/// </summary>
public static class DatabaseSize
{
    private static readonly string[] EventTables = ["mt_events", "mt_streams", "mt_event_hashes", "mt_event_checkpoints"];
    private const double PerMillion = 1_000_000.0 / (1024 * 1024);

    public static async Task<IReadOnlyList<GrowthFigure>> MeasureAsync(NpgsqlDataSource db, string schema, long events, CancellationToken ct)
    {
        List<GrowthFigure> figures =
        [
            PerMillionEvents("event tables (mt_events, mt_streams, hashes, checkpoints)", await TablesBytesAsync(db, schema, "tablename = ANY($2)", ct), events),
            PerMillionEvents("projections' documents (mt_doc_*)", await TablesBytesAsync(db, schema, "tablename LIKE 'mt\\_doc\\_%'", ct), events),
            PerMillionEvents("whole schema", await TablesBytesAsync(db, schema, "true", ct), events),
        ];
        figures.AddRange(await PerEventTypeAsync(db, schema, ct));
        return figures;
    }

    private static GrowthFigure PerMillionEvents(string what, long bytes, long events) =>
        GrowthFigure.Cost($"database size per 1M events: {what}", bytes * PerMillion / events, BenchResult.Megabytes);

    /// <summary>The tables of the schema that <paramref name="filter"/> selects, indexes and TOAST included; $2 is <see cref="EventTables"/>.</summary>
    private static async Task<long> TablesBytesAsync(NpgsqlDataSource db, string schema, string filter, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)::regclass)), 0)::bigint
            FROM pg_tables WHERE schemaname = $1 AND {filter}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = EventTables });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<IReadOnlyList<GrowthFigure>> PerEventTypeAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT type, avg(pg_column_size(e.*))::float8 FROM {schema}.mt_events e GROUP BY type ORDER BY type");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var figures = new List<GrowthFigure>();
        while (await reader.ReadAsync(ct))
            figures.Add(GrowthFigure.Cost($"database size per 1M {reader.GetString(0)} events (rows of mt_events)", reader.GetDouble(1) * PerMillion, BenchResult.Megabytes));
        return figures;
    }
}
