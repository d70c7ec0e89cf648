using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Api.Privacy;
using Clinic.Domain.Common;

namespace Clinic.Api.History;

internal static class HistoryEndpoints
{
    public static void MapHistory(this RouteGroupBuilder patients) =>
        patients.MapGet("/{patientId}/history", async (Guid patientId, DateTimeOffset? asOf, ClinicReads reads, PersonalKeys keys, AccessLog accessLog, TimeProvider clock, CancellationToken ct) =>
        {
            await keys.PreloadAsync([patientId], ct);
            var (history, timeline) = await reads.Session.ReadHistoryAsync(patientId, asOf, ct);
            if (history?.Record is not ({ IsRegistered: true } or { IsErased: true }))
                return CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.PatientNotFound,
                    asOf is null ? $"No patient {patientId} in this clinic." : $"No patient {patientId} in this clinic as of {asOf:u}.");

            await accessLog.RecordViewAsync("patient-history", patientId, ct);
            return Results.Ok(PatientHistoryResponse.From(
                history, PatientTimeline.Of(history, timeline, asOf), await reads.PolicyAsync(ct), asOf ?? clock.GetUtcNow()));
        }).Returns<PatientHistoryResponse>().WithTags("History").RequireAuthorization(Permissions.ReadHistory);
}
