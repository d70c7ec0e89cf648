using Clinic.Api.Commands;
using Npgsql;

namespace Clinic.Benchmarks.Growth;

/// <summary>
/// What the database itself must do for one <c>GET /api/patients/{id}/history</c>, in plain Npgsql: the patient's state
/// document, her timeline rows and her clinic's stream read, and one access-log row inserted and committed (its WAL
/// flushed), all in one round trip. The history row's p50 and p99 beside these show what the API adds to the work.
/// </summary>
public sealed class HistoryFloor(NpgsqlDataSource db, string schema, GrowthSubjects subjects)
{
    /// <summary>About the size of a stored <c>record-viewed</c> event.</summary>
    private const string ViewJson =
        """{"viewerId":"growth-clinician","role":"clinician","resource":"patient-history","patientId":"00000000-0000-0000-0000-000000000000","viewedAt":"2026-12-04T12:00:00+00:00"}""";

    /// <summary>The floor on <paramref name="schema"/>, with a table of its own for the access-log rows it writes.</summary>
    public static async Task<HistoryFloor> PrepareAsync(NpgsqlDataSource db, string schema, GrowthSubjects subjects, CancellationToken ct)
    {
        await using var create = db.CreateCommand($"CREATE TABLE {schema}.bench_floor_views (id bigserial PRIMARY KEY, data jsonb NOT NULL)");
        await create.ExecuteNonQueryAsync(ct);
        return new HistoryFloor(db, schema, subjects);
    }

    /// <summary>The reads and the record, once. A batch is one implicit transaction: the insert commits when the reads have run.</summary>
    public async Task ReadAndRecordAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"INSERT INTO {schema}.bench_floor_views (data) VALUES ($1::jsonb)", ViewJson),
                Command($"SELECT data FROM {schema}.mt_doc_patienthistory WHERE tenant_id = $1 AND id = $2", subjects.Clinic, subjects.Patient),
                Command($"SELECT data FROM {schema}.mt_doc_timelinedocument WHERE tenant_id = $1 AND patient_id = $2", subjects.Clinic, subjects.Patient),
                Command($"SELECT data FROM {schema}.mt_events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY version",
                    subjects.Clinic, StreamIds.ForClinic(subjects.Clinic)),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
                _ = reader.GetString(0);
        }
        while (await reader.NextResultAsync(ct));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
