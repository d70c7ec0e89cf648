using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.TreatmentPlans;

public sealed record TreatmentPlanRequest
{
    public required Indication Indication { get; init; }
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<TreatmentArea> Areas { get; init; }
    public required Technique Technique { get; init; }
    public required int PlannedSessions { get; init; }
    public required int IntervalDays { get; init; }

    public PlanDetails ToDetails() => new(Indication, Areas, Technique, PlannedSessions, IntervalDays);
}
