using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Common;

namespace Clinic.Api.History;

internal static class HistoryEndpoints
{
    public static void MapHistory(this RouteGroupBuilder patients) =>
        patients.MapGet("/{patientId}/history", async (Guid patientId, DateTimeOffset? asOf, ClinicReads reads, AccessLog accessLog, TimeProvider clock, CancellationToken ct) =>
        {
            var history = asOf is null
                ? await reads.Session.LoadAsync<PatientHistory>(patientId, ct)
                : await reads.Session.Events.AggregateStreamAsync<PatientHistory>(patientId, timestamp: asOf, token: ct);
            if (history?.Record.IsRegistered != true)
                return CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.PatientNotFound,
                    asOf is null ? $"No patient {patientId} in this clinic." : $"No patient {patientId} in this clinic as of {asOf:u}.");

            await accessLog.RecordViewAsync("patient-history", patientId, ct);
            var timeline = await reads.Session.ReadTimelineAsync(patientId, history.Version, asOf, ct);
            return Results.Ok(PatientHistoryResponse.From(history, timeline, await reads.PolicyAsync(ct), asOf ?? clock.GetUtcNow()));
        }).Returns<PatientHistoryResponse>().WithTags("History").RequireAuthorization(Permissions.ReadHistory);
}
