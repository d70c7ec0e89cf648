using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Sessions;

internal static class SessionRules
{
    /// <summary>A session lasts 10 to 45 minutes (primer 002).</summary>
    public const int MinimumDurationMinutes = 10;

    public const int MaximumDurationMinutes = 45;

    public static Refusal? CheckDuration(int minutes) =>
        Check.InRange(minutes, MinimumDurationMinutes, MaximumDurationMinutes, RefusalCodes.InvalidDuration,
            "A session's duration in minutes");

    public static Refusal? CheckStart(DateTimeOffset startsAt) => Check.InCalendar(startsAt, "A session's start");

    public static Refusal? CheckOverride(IntervalOverride? intervalOverride) =>
        intervalOverride is null
            ? null
            : Check.NotBlank(intervalOverride.Reason, RefusalCodes.ReasonRequired, "The reason for overriding the minimum interval")
              ?? Check.That(!string.IsNullOrWhiteSpace(intervalOverride.ClinicianId), RefusalCodes.InvalidOverride,
                  "An interval override must name the clinician who decided it.");

    /// <summary>
    /// A session is recorded as performed on its booked date or the next day (a late session running past midnight,
    /// a patient seen the next morning); any other day is a reschedule first, so that the practitioner's calendar is
    /// checked for it.
    /// </summary>
    public const int MaximumDaysPerformedAfterBooking = 1;

    /// <summary>A booking or a move is for a start from now on (<paramref name="now"/> is the caller's clock).</summary>
    public static Refusal? CheckStartsFromNow(DateTimeOffset startsAt, DateTimeOffset now) =>
        Check.That(!ClockSkew.IsInPast(startsAt, now), RefusalCodes.SessionInPast,
            $"A session cannot be booked to start at {startsAt:O}, before now ({now:O}).");

    /// <summary>Performed no later than it is recorded, and on the booked date or the day after.</summary>
    public static Refusal? CheckPerformedAt(Session session, DateTimeOffset performedAt, DateTimeOffset recordedAt)
    {
        var bookedOn = session.StartsAt.CalendarDate();
        var performedOn = performedAt.CalendarDate();
        return Check.That(!ClockSkew.IsInFuture(performedAt, recordedAt), RefusalCodes.PerformedInFuture,
                $"A session cannot be recorded at {recordedAt:O} as performed later, at {performedAt:O}.")
            ?? Check.That(performedOn >= bookedOn && performedOn <= bookedOn.AddDays(MaximumDaysPerformedAfterBooking),
                RefusalCodes.PerformedOutsideBooking,
                $"Session {session.SessionId} is booked for {bookedOn:yyyy-MM-dd}: it is performed that day or the next, "
                + $"not on {performedOn:yyyy-MM-dd}; reschedule it first.");
    }

    public static Refusal? CheckScheduled(Session session) =>
        Check.That(session.Status == SessionStatus.Scheduled, RefusalCodes.SessionNotScheduled,
            $"Session {session.SessionId} is {session.Status}, not scheduled.");

    /// <summary>
    /// Unless a clinician overrode it: the plan's sessions next to this one, counted in calendar days and in date
    /// order, are at least the interval of the phase each later one falls in apart (primer 001, 003), and every
    /// session of the patient's other plans is at least the clinic's minimum away.
    /// </summary>
    public static Refusal? CheckInterval(
        PatientState state, TreatmentPlan plan, Guid sessionId, DateOnly date, IntervalOverride? intervalOverride, ClinicPolicy policy) =>
        intervalOverride is not null
            ? null
            : CheckWithinPlan(state, plan, sessionId, date, policy) ?? CheckAcrossPlans(state, plan, date, policy);

    private static Refusal? CheckWithinPlan(PatientState state, TreatmentPlan plan, Guid sessionId, DateOnly date, ClinicPolicy policy)
    {
        var others = state.LiveSessionsOf(plan.PlanId).Where(other => other.SessionId != sessionId).ToList();
        var before = others.Where(other => other.Date <= date).ToList();
        var number = before.Count + 1;
        var previous = before.MaxBy(other => other.Date);
        var next = others.Where(other => other.Date > date).MinBy(other => other.Date);
        return TooClose(previous, date, TreatmentPlanRules.MinimumIntervalDays(plan, number, policy))
               ?? TooClose(next, date, TreatmentPlanRules.MinimumIntervalDays(plan, number + 1, policy));
    }

    /// <summary>A new plan does not shorten the wait.</summary>
    private static Refusal? CheckAcrossPlans(PatientState state, TreatmentPlan plan, DateOnly date, ClinicPolicy policy) =>
        state.LiveSessionsOfOtherPlans(plan.PlanId)
            .Select(other => TooClose(other, date, policy.MinimumIntervalDays, $" (plan {other.PlanId})"))
            .FirstOrDefault(refusal => refusal is not null);

    private static Refusal? TooClose(Session? other, DateOnly date, int minimumDays, string ofPlan = "") =>
        other is not null && CalendarDates.DaysBetween(other.Date, date) < minimumDays
            ? new Refusal(RefusalCodes.IntervalTooShort,
                $"Session {other.SessionId}{ofPlan} on {other.Date:yyyy-MM-dd} is less than {minimumDays} days from {date:yyyy-MM-dd}.")
            : null;

    public static Refusal NotFound(Guid sessionId) => Check.NotFound(RefusalCodes.SessionNotFound, "Session", sessionId);
}
