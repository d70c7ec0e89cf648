using Npgsql;

namespace Clinic.Benchmarks.Growth;

/// <summary>
/// What the growth rows read, found in a filled schema's data rather than in the generator's script: the patient whose
/// stream has the number of events closest to <see cref="PatientEvents"/>, her clinic (the one the clients work at), the
/// actor with the most audit entries there, the middle of the clinic's audit trail (whole, the patient's, the actor's) as
/// the <c>after</c> of a page deep in it, and a lot of the clinic used in as many sessions as the median lot (a typical
/// recall: every recipient listed is also a view recorded).
/// </summary>
public sealed record GrowthSubjects(
    string Clinic, Guid Patient, long PatientStreamEvents, string Actor,
    long TrailMiddle, long PatientTrailMiddle, long ActorTrailMiddle, string Lot, long LotSessions)
{
    public const int PatientEvents = 200;

    public static async Task<GrowthSubjects> FindAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        var (clinic, patient, streamEvents) = await PatientAsync(db, schema, ct);
        var actor = await ScalarAsync<string>(db, $"""
            SELECT actor_id FROM {schema}.mt_doc_auditentry WHERE tenant_id = $1 AND actor_id IS NOT NULL
            GROUP BY actor_id ORDER BY count(*) DESC, actor_id LIMIT 1
            """, ct, clinic);
        var (lot, lotSessions) = await LotAsync(db, schema, clinic, ct);
        return new GrowthSubjects(clinic, patient, streamEvents, actor,
            await TrailMiddleAsync(db, schema, clinic, null, null, ct), await TrailMiddleAsync(db, schema, clinic, patient, null, ct),
            await TrailMiddleAsync(db, schema, clinic, null, actor, ct), lot, lotSessions);
    }

    public override string ToString() =>
        $"clinic {Clinic}: patient {Patient} ({PatientStreamEvents} events), actor {Actor}, lot {Lot} ({LotSessions} sessions); " +
        $"audit pages after {TrailMiddle} (all), {PatientTrailMiddle} (patient), {ActorTrailMiddle} (actor)";

    /// <summary>A patient is a stream with a history document.</summary>
    private static async Task<(string Clinic, Guid Patient, long Events)> PatientAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var command = Command(db, $"""
            SELECT s.tenant_id, s.id, s.version FROM {schema}.mt_streams s
            JOIN {schema}.mt_doc_patienthistory h ON h.id = s.id AND h.tenant_id = s.tenant_id
            ORDER BY abs(s.version - $1), s.id LIMIT 1
            """, PatientEvents);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new InvalidOperationException($"{schema} has no patient: the generator wrote nothing.");
        return (reader.GetString(0), reader.GetGuid(1), reader.GetInt64(2));
    }

    private static async Task<(string Lot, long Sessions)> LotAsync(NpgsqlDataSource db, string schema, string clinic, CancellationToken ct)
    {
        await using var command = Command(db, $"""
            WITH lots AS (
                SELECT product ->> 'lotNumber' AS lot, count(*) AS sessions FROM {schema}.mt_doc_sessionproducts s
                CROSS JOIN jsonb_array_elements(s.data -> 'products') product
                WHERE s.tenant_id = $1 GROUP BY 1)
            SELECT lot, sessions FROM lots ORDER BY sessions, lot OFFSET (SELECT count(*) / 2 FROM lots) LIMIT 1
            """, clinic);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new InvalidOperationException($"Clinic {clinic} of {schema} performed no session: no lot to recall.");
        return (reader.GetString(0), reader.GetInt64(1));
    }

    /// <summary>The median position of the clinic's audit entries, of the patient's or the actor's if given.</summary>
    private static Task<long> TrailMiddleAsync(NpgsqlDataSource db, string schema, string clinic, Guid? patient, string? actor, CancellationToken ct) =>
        ScalarAsync<long>(db, $"""
            SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY position) FROM {schema}.mt_doc_auditentry
            WHERE tenant_id = $1 AND ($2::uuid IS NULL OR patient_id = $2) AND ($3::text IS NULL OR actor_id = $3)
            """, ct, clinic, (object?)patient ?? DBNull.Value, (object?)actor ?? DBNull.Value);

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = Command(db, sql, values);
        return await command.ExecuteScalarAsync(ct) is T value
            ? value
            : throw new InvalidOperationException($"No answer to: {sql}");
    }

    private static NpgsqlCommand Command(NpgsqlDataSource db, string sql, params object[] values)
    {
        var command = db.CreateCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
