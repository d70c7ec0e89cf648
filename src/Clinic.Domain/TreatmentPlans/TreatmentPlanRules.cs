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
        ?? CheckInterval(details.IntervalDays, policy, "The interval in days")
        ?? CheckPhase(details.Later, policy, "later")
        ?? CheckPhase(details.Maintenance, policy, "maintenance")
        ?? Check.That(details.InitialSessions() >= 1, RefusalCodes.InvalidPlan,
            $"The later and maintenance phases leave none of the {details.PlannedSessions} planned sessions to the initial phase.")
        ?? CheckDeviation(details.Deviation)
        ?? TreatmentProtocols.CheckFollowed(details);

    /// <summary>
    /// The plan's interval before its session number <paramref name="sessionNumber"/>, that of the phase the session
    /// falls in, never under the clinic's minimum (primer 001, 003).
    /// </summary>
    public static int MinimumIntervalDays(TreatmentPlan plan, int sessionNumber, ClinicPolicy policy) =>
        Math.Max(plan.Details.IntervalBefore(sessionNumber), policy.MinimumIntervalDays);

    private static Refusal? CheckInterval(int intervalDays, ClinicPolicy policy, string subject) =>
        Check.InRange(intervalDays, policy.MinimumIntervalDays, MaximumIntervalDays, RefusalCodes.InvalidPlan, subject);

    private static Refusal? CheckPhase(PlanPhase? phase, ClinicPolicy policy, string name) =>
        phase is null
            ? null
            : Check.InRange(phase.Sessions, 1, MaximumPlannedSessions, RefusalCodes.InvalidPlan, $"The {name} phase's sessions")
              ?? CheckInterval(phase.IntervalDays, policy, $"The {name} phase's interval in days");

    /// <summary>A deviation from the protocol is a clinician's act with a reason.</summary>
    private static Refusal? CheckDeviation(ProtocolDeviation? deviation) =>
        deviation is null
            ? null
            : Check.NotBlank(deviation.Reason, RefusalCodes.ReasonRequired, "The reason for deviating from the protocol")
              ?? Check.That(!string.IsNullOrWhiteSpace(deviation.ClinicianId), RefusalCodes.ClinicianRequired,
                  "Only a clinician may deviate from the protocol.");

    /// <summary>A serious or severe side effect suspends the patient's plan until a clinician reviews it.</summary>
    public static Refusal? CheckNotSuspended(PatientState state) =>
        state.SideEffectsAwaitingReview.FirstOrDefault() is { } awaiting
            ? new Refusal(RefusalCodes.PlanSuspended,
                $"Treatment is suspended until a clinician reviews side effect {awaiting.SideEffectId}.")
            : null;

    public static Refusal? CheckNotStopped(TreatmentPlan plan) =>
        Check.That(!plan.IsStopped, RefusalCodes.TreatmentStopped, $"Treatment plan {plan.PlanId} was stopped.");

    public static Refusal? CheckNotFullyBooked(PatientState state, TreatmentPlan plan) =>
        Check.That(state.LiveSessionsOf(plan.PlanId).Count() < plan.Details.PlannedSessions, RefusalCodes.PlanComplete,
            $"Treatment plan {plan.PlanId} has its {plan.Details.PlannedSessions} sessions performed or scheduled.");
}
