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

        sideEffects.MapPost("/", async (Guid patientId, SideEffectRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            var now = clock.GetUtcNow();
            var command = new ReportSideEffect(patientId, id, body.ToDetails(now), body.ReportedBy, await reads.PolicyAsync(ct), now);
            return await commands.SendAsync<IPatientCommand>(command, r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.RecordCare);

        sideEffects.MapPost("/{sideEffectId}/resolution", async (Guid patientId, Guid sideEffectId, ResolutionRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(new ResolveSideEffect(patientId, sideEffectId, body.ResolvedAt, body.Outcome, body.Notes, clock.GetUtcNow()), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.RecordCare);

        sideEffects.MapPost("/{sideEffectId}/review", async (Guid patientId, Guid sideEffectId, ReviewRequest body, ClinicUser user, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(
                new ReviewSideEffect(patientId, sideEffectId, body.Decision, body.Notes, user.UserId, clock.GetUtcNow()), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.ReviewSideEffects);

        sideEffects.MapPost("/{sideEffectId}/regulator-notification", async (Guid patientId, Guid sideEffectId, RegulatorNotificationRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            return await commands.SendAsync<IPatientCommand>(
                new RecordRegulatorNotification(patientId, sideEffectId, body.NotifiedAt ?? now, body.Reference, now), r => r.Ok(), ct);
        }).Records().RequireAuthorization(Permissions.RecordCare);
    }
}
