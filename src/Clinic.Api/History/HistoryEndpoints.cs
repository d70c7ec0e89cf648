using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Api.Privacy;

namespace Clinic.Api.History;

internal static class HistoryEndpoints
{
    public static void MapHistory(this RouteGroupBuilder patients) =>
        patients.MapGet("/{patientId}/history", (Guid patientId, DateTimeOffset? asOf, ClinicReads reads, PersonalKeys keys, AccessLog accessLog, TimeProvider clock, CancellationToken ct) =>
            reads.ShowAsync(patientId, asOf, PatientRecordView.HistoryResource, keys, accessLog, (history, timeline, policy) =>
                Task.FromResult(Results.Ok(PatientHistoryResponse.From(history, timeline, policy, asOf ?? clock.GetUtcNow()))), ct))
            .Returns<PatientHistoryResponse>().WithTags("History").RequireAuthorization(Permissions.ReadHistory);
}
