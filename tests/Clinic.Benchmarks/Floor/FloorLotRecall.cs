using System.Text.Json;
using Clinic.Api.History;
using Clinic.Api.Lots;
using Clinic.Api.Practitioners;
using Npgsql;
using NpgsqlTypes;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor of a lot recall: the statements Marten sends, prepared, with plain Npgsql and System.Text.Json: the
/// sessions by containment in their products (the same GIN index), then the patients' histories and practitioners'
/// calendars in one round trip; the same answer built from them.
/// </summary>
public sealed class FloorLotRecall(NpgsqlDataSource db, string schema, JsonSerializerOptions json)
{
    public async Task<LotRecipientsResponse> RecipientsAsync(string lotNumber, string[] clinicIds, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var sessions = await SessionsAsync(connection, lotNumber, clinicIds, cancellationToken);
        if (sessions.Count == 0)
            return LotRecipientsResponse.From(lotNumber, sessions, [], []);

        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Sql.Command($"SELECT data FROM {schema}.mt_doc_patienthistory WHERE tenant_id = ANY($1) AND id = ANY($2)",
            Sql.Value(clinicIds), Sql.Value(sessions.Select(s => s.PatientId).Distinct().ToArray())));
        batch.BatchCommands.Add(Sql.Command($"SELECT data FROM {schema}.mt_doc_practitionercalendar WHERE tenant_id = ANY($1) AND id = ANY($2)",
            Sql.Value(clinicIds), Sql.Value(sessions.Select(s => s.PractitionerId).Distinct().ToArray())));
        await batch.PrepareAsync(cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var histories = await ReadAllAsync<PatientHistory>(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var calendars = await ReadAllAsync<PractitionerCalendar>(reader, cancellationToken);
        return LotRecipientsResponse.From(lotNumber, sessions, histories, calendars);
    }

    private async Task<List<SessionProducts>> SessionsAsync(
        NpgsqlConnection connection, string lotNumber, string[] clinicIds, CancellationToken cancellationToken)
    {
        var containment = new NpgsqlParameter { Value = JsonSerializer.Serialize(new[] { new { lotNumber } }, json), NpgsqlDbType = NpgsqlDbType.Jsonb };
        await using var command = await Sql.PreparedAsync(connection,
            $"SELECT data FROM {schema}.mt_doc_sessionproducts WHERE tenant_id = ANY($1) AND data -> 'products' @> $2 " +
            $"ORDER BY {schema}.mt_immutable_timestamptz(data ->> 'performedAt'), id",
            cancellationToken, Sql.Value(clinicIds), containment);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadAllAsync<SessionProducts>(reader, cancellationToken);
    }

    private async Task<List<T>> ReadAllAsync<T>(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var documents = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            documents.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), json)!);
        return documents;
    }
}
