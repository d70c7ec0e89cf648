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

        plans.MapPost("/", async (Guid patientId, TreatmentPlanRequest body, ClinicRequest request, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            var command = new CreateTreatmentPlan(patientId, id, DateOnly.FromDateTime(request.Now.UtcDateTime), body.ToDetails(request.User.IdIfAllowed(Permissions.DeviateFromProtocols)), await request.PolicyAsync(ct));
            return await request.SendAsync<IPatientCommand>(command, r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.RecordCare);

        plans.MapPost("/{planId}/stop", async (Guid patientId, Guid planId, StopPlanRequest body, ClinicRequest request, CancellationToken ct) =>
            await request.SendAsync<IPatientCommand>(new StopTreatmentPlan(patientId, planId, request.Now, body.Reason), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.StopTreatment);
    }
}
