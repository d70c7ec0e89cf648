using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Sessions;

/// <summary>The patient's side of placing a session in time.</summary>
internal static class SessionScheduling
{
    public static Refusal? CheckNewSession(PatientState state, ScheduleSession command)
    {
        var plan = state.FindPlan(command.PlanId);
        if (plan is null)
            return TreatmentPlanRules.NotFound(command.PlanId);
        return TreatmentPlanRules.CheckNotStopped(plan)
            ?? TreatmentPlanRules.CheckNotSuspended(state)
            ?? TreatmentPlanRules.CheckNotFullyBooked(state.ProgressOf(plan, command.Policy))
            ?? ConsentRules.CheckCovers(state, plan.Details.Areas)
            ?? CheckPatientReadyAt(state, plan, command.SessionId, command.StartsAt, command.IntervalOverride, command.Policy);
    }

    /// <summary>A reschedule re-checks what depends on the date: screening, allergy test timing and interval.</summary>
    public static Refusal? CheckMove(PatientState state, Session session, RescheduleSession command)
    {
        var plan = state.FindPlan(session.PlanId);
        if (plan is null)
            return TreatmentPlanRules.NotFound(session.PlanId);
        return CheckPatientReadyAt(state, plan, session.SessionId, command.NewStartsAt, command.IntervalOverride, command.Policy);
    }

    private static Refusal? CheckPatientReadyAt(
        PatientState state,
        TreatmentPlan plan,
        Guid sessionId,
        DateTimeOffset startsAt,
        IntervalOverride? intervalOverride,
        ClinicPolicy policy) =>
        ScreeningRules.CheckEligibleOn(state, startsAt.CalendarDate())
        ?? AllergyTestRules.CheckReadyFor(state, startsAt)
        ?? SessionRules.CheckInterval(state, plan, sessionId, startsAt.CalendarDate(), intervalOverride, policy);
}
