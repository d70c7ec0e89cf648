using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.TreatmentPlans;

internal static class TreatmentPlanEndpoints
{
    public static void MapTreatmentPlans(this RouteGroupBuilder patients)
    {
        var plans = patients.MapGroup("/{patientId}/treatment-plans").WithTags("Treatment plans");

        plans.MapPost("/", async (Guid patientId, TreatmentPlanRequest body, ClinicUser user, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            var command = new CreateTreatmentPlan(patientId, id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), body.ToDetails(user.IdIfAllowed(Permissions.DeviateFromProtocols)), await reads.PolicyAsync(ct));
            return await commands.SendAsync<IPatientCommand>(command, r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.RecordCare);

        plans.MapPost("/{planId}/stop", async (Guid patientId, Guid planId, StopPlanRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(new StopTreatmentPlan(patientId, planId, clock.GetUtcNow(), body.Reason), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.StopTreatment);
    }
}
