using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Sessions;

/// <summary>
/// The patient's side of placing a session in time: booking it, moving it, and performing it, which is checked as a
/// booking at the performed time would be.
/// </summary>
internal static class SessionScheduling
{
    public static Refusal? CheckNewSession(PatientState state, ScheduleSession command) =>
        WithPlan(state, command.PlanId, plan =>
            CheckPlanOpen(state, plan)
            ?? TreatmentPlanRules.CheckNotFullyBooked(state, plan)
            ?? CheckBookable(state, plan, command.SessionId, command.StartsAt, command.IntervalOverride, command.Policy));

    /// <summary>A reschedule re-checks all that booking checks, but for the session itself counting towards the plan.</summary>
    public static Refusal? CheckMove(PatientState state, Session session, RescheduleSession command) =>
        WithPlan(state, session.PlanId, plan =>
            CheckPlanOpen(state, plan)
            ?? CheckBookable(state, plan, session.SessionId, command.NewStartsAt, command.IntervalOverride, command.Policy));

    /// <summary>
    /// A session performed: the plan still open, the patient ready at the performed time, the interval measured with
    /// the performed date (under the session's own override, if a clinician gave one), what was done the plan's unless a
    /// clinician deviated, the plan's indication and what was done consented to by then, and made of substances cleared then.
    /// </summary>
    public static Refusal? CheckPerformance(PatientState state, Session session, RecordSessionPerformed command) =>
        WithPlan(state, session.PlanId, plan =>
            CheckPlanOpen(state, plan)
            ?? ConsentRules.CheckFatRemovalDisclosed(state, plan.Details.Indication, command.PerformedAt)
            ?? CheckPatientReadyAt(state, plan, session.SessionId, command.PerformedAt, session.IntervalOverride, command.Policy)
            ?? PerformedTreatmentRules.CheckForPatient(state, plan, command.Treatment, command.PerformedAt, command.Policy));

    public static Refusal? WithPlan(PatientState state, Guid planId, Func<TreatmentPlan, Refusal?> check) =>
        state.FindPlan(planId) is { } plan ? check(plan) : TreatmentPlanRules.NotFound(planId);

    /// <summary>Nothing is booked or performed once the plan was stopped, or while treatment is suspended.</summary>
    private static Refusal? CheckPlanOpen(PatientState state, TreatmentPlan plan) =>
        TreatmentPlanRules.CheckNotStopped(plan) ?? TreatmentPlanRules.CheckNotSuspended(state);

    private static Refusal? CheckBookable(
        PatientState state,
        TreatmentPlan plan,
        Guid sessionId,
        DateTimeOffset startsAt,
        IntervalOverride? intervalOverride,
        ClinicPolicy policy) =>
        ConsentRules.CheckCovers(state, plan.Details.Areas, startsAt)
        ?? ConsentRules.CheckFatRemovalDisclosed(state, plan.Details.Indication, startsAt)
        ?? CheckPatientReadyAt(state, plan, sessionId, startsAt, intervalOverride, policy);

    private static Refusal? CheckPatientReadyAt(
        PatientState state,
        TreatmentPlan plan,
        Guid sessionId,
        DateTimeOffset at,
        IntervalOverride? intervalOverride,
        ClinicPolicy policy) =>
        ScreeningRules.CheckEligibleOn(state, at.CalendarDate())
        ?? AllergyTestRules.CheckReadyFor(state, at, policy)
        ?? SessionRules.CheckInterval(state, plan, sessionId, at.CalendarDate(), intervalOverride, policy);
}
