namespace Clinic.Domain.TreatmentPlans;

/// <summary>Which phase of a plan a session falls in, counting its sessions in date order.</summary>
public static class PlanPhases
{
    public static int InitialSessions(this PlanDetails details) =>
        details.PlannedSessions - (details.Later?.Sessions ?? 0) - (details.Maintenance?.Sessions ?? 0);

    /// <summary>The treatment course: the initial and later phases, without maintenance.</summary>
    public static int CourseSessions(this PlanDetails details) => details.PlannedSessions - (details.Maintenance?.Sessions ?? 0);

    /// <summary>
    /// The plan's interval before its session number <paramref name="sessionNumber"/> (1 for the first): that of the
    /// phase the session falls in. Sessions past the plan's count keep the last phase's.
    /// </summary>
    public static int IntervalBefore(this PlanDetails details, int sessionNumber) =>
        sessionNumber <= details.InitialSessions() ? details.IntervalDays
        : sessionNumber <= details.CourseSessions() ? details.Later?.IntervalDays ?? details.IntervalDays
        : details.Maintenance?.IntervalDays ?? details.Later?.IntervalDays ?? details.IntervalDays;
}
