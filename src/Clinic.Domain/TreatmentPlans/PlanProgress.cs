namespace Clinic.Domain.TreatmentPlans;

/// <summary>
/// Where a plan stands. <see cref="NextAllowedDate"/> is the first date the minimum interval allows after the
/// latest live session (null when no session is live).
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

    public bool IsFullyBooked => SessionsPerformed + SessionsScheduled >= PlannedSessions;
}
