using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.TreatmentPlans;

public sealed record StopPlanRequest
{
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
}

internal static class StopTreatmentPlanEndpoint
{
    public static void MapStopTreatmentPlan(this RouteGroupBuilder plans) =>
        plans.MapPost("/{planId}/stop", async (Guid patientId, Guid planId, StopPlanRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(new StopTreatmentPlan(patientId, planId, clock.GetUtcNow(), body.Reason), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.StopTreatment);
}
