using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

internal static class SideEffectEndpoints
{
    public static void MapSideEffects(this RouteGroupBuilder patients)
    {
        var sideEffects = patients.MapGroup("/{patientId}/side-effects").WithTags("Side effects");

        sideEffects.MapPost("/", async (Guid patientId, SideEffectRequest body, ClinicRequest request, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            var now = request.Now;
            var command = new ReportSideEffect(patientId, id, body.ToDetails(now), body.ReportedBy, await request.PolicyAsync(ct), now);
            return await request.SendAsync<IPatientCommand>(command, r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.RecordCare);

        sideEffects.MapPost("/{sideEffectId}/resolution", async (Guid patientId, Guid sideEffectId, ResolutionRequest body, ClinicRequest request, CancellationToken ct) =>
            await request.SendAsync<IPatientCommand>(new ResolveSideEffect(patientId, sideEffectId, body.ResolvedAt, body.Outcome, body.Notes, request.Now), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.RecordCare);

        sideEffects.MapPost("/{sideEffectId}/review", async (Guid patientId, Guid sideEffectId, ReviewRequest body, ClinicRequest request, CancellationToken ct) =>
            await request.SendAsync<IPatientCommand>(
                new ReviewSideEffect(patientId, sideEffectId, body.Decision, body.Notes, request.User.UserId, request.Now), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.ReviewSideEffects);

        sideEffects.MapPost("/{sideEffectId}/regulator-notification", async (Guid patientId, Guid sideEffectId, RegulatorNotificationRequest body, ClinicRequest request, CancellationToken ct) =>
        {
            var now = request.Now;
            return await request.SendAsync<IPatientCommand>(
                new RecordRegulatorNotification(patientId, sideEffectId, body.NotifiedAt ?? now, body.Reference, now), r => r.Ok(), ct);
        }).Records().RequireAuthorization(Permissions.RecordCare);
    }
}
