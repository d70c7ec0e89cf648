using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.TreatmentPlans;

/// <summary>
/// <see cref="PlannedSessions"/> counts every phase; <see cref="IntervalDays"/> is the initial phase's. The later and
/// maintenance phases and the deviation are optional, so a request made before they existed still means one phase.
/// </summary>
public sealed record TreatmentPlanRequest
{
    public required Indication Indication { get; init; }
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<TreatmentArea> Areas { get; init; }
    public required Technique Technique { get; init; }
    public required int PlannedSessions { get; init; }
    public required int IntervalDays { get; init; }
    public PlanPhaseRequest? Later { get; init; }
    public PlanPhaseRequest? Maintenance { get; init; }
    public ProtocolDeviationRequest? Deviation { get; init; }

    /// <summary><paramref name="clinicianId"/> is the caller when a clinician: only a clinician deviates from a protocol.</summary>
    public PlanDetails ToDetails(string? clinicianId) =>
        new(Indication, Areas, Technique, PlannedSessions, IntervalDays, Later?.ToPhase(), Maintenance?.ToPhase(),
            Deviation is null ? null : new ProtocolDeviation(Deviation.Reason, clinicianId));
}

public sealed record PlanPhaseRequest
{
    public required int Sessions { get; init; }
    public required int IntervalDays { get; init; }

    public PlanPhase ToPhase() => new(Sessions, IntervalDays);
}

public sealed record ProtocolDeviationRequest
{
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
}

internal static class CreateTreatmentPlanEndpoint
{
    public static void MapCreateTreatmentPlan(this RouteGroupBuilder plans) =>
        plans.MapPost("/", async (Guid patientId, TreatmentPlanRequest body, ClinicUser user, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            var command = new CreateTreatmentPlan(patientId, id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), body.ToDetails(user.IdIfAllowed(Permissions.DeviateFromProtocols)), await reads.PolicyAsync(ct));
            return await commands.SendAsync<IPatientCommand>(command, r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.RecordCare);
}
