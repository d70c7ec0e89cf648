using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.TreatmentPlans;

internal static class TreatmentPlanRules
{
    /// <summary>3 to 15 sessions (primer 002, 003).</summary>
    public const int MinimumPlannedSessions = 3;

    public const int MaximumPlannedSessions = 15;

    /// <summary>Maintenance is once or twice a year (primer 003); a longer interval is a typing mistake.</summary>
    public const int MaximumIntervalDays = 365;

    public static Refusal NotFound(Guid planId) => Check.NotFound(RefusalCodes.PlanNotFound, "Treatment plan", planId);

    public static Refusal? Validate(PlanDetails details, ClinicPolicy policy) =>
        Check.Defined(details.Indication, RefusalCodes.InvalidPlan, "Indication")
        ?? Check.Defined(details.Technique, RefusalCodes.InvalidPlan, "Technique")
        ?? Check.That(details.Areas.Count > 0, RefusalCodes.InvalidPlan, "A plan must name at least one treatment area.")
        ?? Check.AllDefined(details.Areas, RefusalCodes.InvalidPlan, "Treatment area")
        ?? Check.InRange(details.PlannedSessions, MinimumPlannedSessions, MaximumPlannedSessions,
            RefusalCodes.InvalidPlan, "Planned sessions")
        ?? Check.InRange(details.IntervalDays, policy.MinimumIntervalDays, MaximumIntervalDays,
            RefusalCodes.InvalidPlan, "The interval in days");

    /// <summary>The plan's interval, never under the clinic's minimum (primer 001, 003).</summary>
    public static int MinimumIntervalDays(TreatmentPlan plan, ClinicPolicy policy) =>
        Math.Max(plan.Details.IntervalDays, policy.MinimumIntervalDays);

    /// <summary>A serious or severe side effect suspends the patient's plan until a clinician reviews it.</summary>
    public static Refusal? CheckNotSuspended(PatientState state) =>
        state.SideEffectsAwaitingReview.FirstOrDefault() is { } awaiting
            ? new Refusal(RefusalCodes.PlanSuspended,
                $"Treatment is suspended until a clinician reviews side effect {awaiting.SideEffectId}.")
            : null;

    public static Refusal? CheckNotStopped(TreatmentPlan plan) =>
        Check.That(!plan.IsStopped, RefusalCodes.TreatmentStopped, $"Treatment plan {plan.PlanId} was stopped.");

    public static Refusal? CheckNotFullyBooked(PlanProgress progress) =>
        Check.That(!progress.IsFullyBooked, RefusalCodes.PlanComplete,
            $"Treatment plan {progress.PlanId} has its {progress.PlannedSessions} sessions performed or scheduled.");
}
