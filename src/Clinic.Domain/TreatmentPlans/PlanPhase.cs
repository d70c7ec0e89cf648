namespace Clinic.Domain.TreatmentPlans;

/// <summary>A stretch of a plan's sessions after its initial phase, each at least <see cref="IntervalDays"/> after the one before.</summary>
public sealed record PlanPhase(int Sessions, int IntervalDays);
