using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Common;
using Marten;

namespace Clinic.Api.History;

internal static class HistoryEndpoints
{
    public static void MapHistory(this RouteGroupBuilder patients) =>
        patients.MapGet("/{patientId}/history", async (Guid patientId, DateTimeOffset? asOf, ClinicRequest request, CancellationToken ct) =>
        {
            var history = asOf is null
                ? await request.Reads.LoadAsync<PatientHistory>(patientId, ct)
                : await request.Reads.Events.AggregateStreamAsync<PatientHistory>(patientId, timestamp: asOf, token: ct);
            if (history?.Record.IsRegistered != true)
                return CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.PatientNotFound,
                    asOf is null ? $"No patient {patientId} in this clinic." : $"No patient {patientId} in this clinic as of {asOf:u}.");

            await request.RecordViewAsync("patient-history", patientId, ct);
            return Results.Ok(PatientHistoryResponse.From(history, await request.PolicyAsync(ct), asOf ?? request.Now));
        }).Returns<PatientHistoryResponse>().WithTags("History").RequireAuthorization(Permissions.ReadHistory);
}
