namespace Clinic.Domain.TreatmentPlans;

/// <summary>
/// Where a plan stands. <see cref="MinimumIntervalDays"/> is the next session's (its phase's);
/// <see cref="NextAllowedDate"/> is the first date the intervals allow after the latest live session of the plan and
/// the latest live session of the patient's other plans (performed, or booked under a plan not stopped); null when there is none.
/// </summary>
public sealed record PlanProgress(
    Guid PlanId,
    int PlannedSessions,
    int SessionsPerformed,
    int SessionsScheduled,
    int MinimumIntervalDays,
    DateOnly? NextAllowedDate)
{
    public bool IsComplete => SessionsPerformed >= PlannedSessions;
}
