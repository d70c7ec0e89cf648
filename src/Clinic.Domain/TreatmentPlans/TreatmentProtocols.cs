using Clinic.Domain.Common;

namespace Clinic.Domain.TreatmentPlans;

/// <summary>
/// The primer's protocols per indication. A plan outside them needs a clinician's deviation with a reason
/// (<see cref="ProtocolDeviation"/>); the hard bounds of every plan are <see cref="TreatmentPlanRules"/>'.
/// </summary>
internal static class TreatmentProtocols
{
    /// <summary>Face and body: 6 to 10 sessions about a week apart (seed 002).</summary>
    public const int FaceAndBodyMinimumSessions = 6;

    public const int FaceAndBodyMaximumSessions = 10;

    /// <summary>Hair loss: at least 10 sessions every 2 weeks for the first months (seed 002).</summary>
    public const int HairLossMinimumSessions = 10;

    public const int HairLossInitialIntervalDays = 14;

    /// <summary>The first sessions every 7 to 10 days (seed 001); the floor is the clinic's minimum interval.</summary>
    public const int InitialMaximumIntervalDays = 10;

    /// <summary>Later sessions every 15 days or monthly (seed 001).</summary>
    public const int LaterMinimumIntervalDays = 15;

    public const int LaterMaximumIntervalDays = 31;

    /// <summary>Maintenance once or twice a year (seed 003): sessions at least half a year apart.</summary>
    public const int MaintenanceMinimumIntervalDays = 182;

    public static Refusal? CheckFollowed(PlanDetails details) =>
        details.Deviation is not null
            ? null
            : CheckCourse(details)
              ?? CheckInitialInterval(details)
              ?? CheckPhase(details.Later, LaterMinimumIntervalDays, LaterMaximumIntervalDays, "later")
              ?? CheckPhase(details.Maintenance, MaintenanceMinimumIntervalDays, TreatmentPlanRules.MaximumIntervalDays, "maintenance");

    private static bool IsFaceOrBody(Indication indication) =>
        indication is Indication.SkinRejuvenation or Indication.Pigmentation or Indication.AcneScars
            or Indication.StretchMarks or Indication.Cellulite or Indication.LocalizedFat;

    private static Refusal? CheckCourse(PlanDetails details) => details.Indication switch
    {
        Indication.HairLoss => CheckCourseSessions(details, HairLossMinimumSessions, TreatmentPlanRules.MaximumPlannedSessions),
        var indication when IsFaceOrBody(indication) => CheckCourseSessions(details, FaceAndBodyMinimumSessions, FaceAndBodyMaximumSessions),
        _ => null,
    };

    private static Refusal? CheckCourseSessions(PlanDetails details, int minimum, int maximum) =>
        Check.That(details.CourseSessions() >= minimum && details.CourseSessions() <= maximum, RefusalCodes.OffProtocol,
            $"The protocol for {details.Indication} is {minimum} to {maximum} sessions before maintenance, not "
            + $"{details.CourseSessions()}; a clinician may record a deviation with a reason.");

    /// <summary>Hair loss is treated every 2 weeks exactly; the others start 7 to 10 days apart (the floor is the clinic's minimum).</summary>
    private static Refusal? CheckInitialInterval(PlanDetails details) => details.Indication == Indication.HairLoss
        ? Check.That(details.IntervalDays == HairLossInitialIntervalDays, RefusalCodes.OffProtocol,
            $"The protocol for {details.Indication} has its first sessions {HairLossInitialIntervalDays} days apart, not "
            + $"{details.IntervalDays}; a clinician may record a deviation with a reason.")
        : Check.That(details.IntervalDays <= InitialMaximumIntervalDays, RefusalCodes.OffProtocol,
            $"The protocol for {details.Indication} has its first sessions at most {InitialMaximumIntervalDays} days apart, not "
            + $"{details.IntervalDays}; a clinician may record a deviation with a reason.");

    private static Refusal? CheckPhase(PlanPhase? phase, int minimumDays, int maximumDays, string name) =>
        phase is null
            ? null
            : Check.That(phase.IntervalDays >= minimumDays && phase.IntervalDays <= maximumDays, RefusalCodes.OffProtocol,
                $"The protocol's {name} sessions are {minimumDays} to {maximumDays} days apart, not {phase.IntervalDays}; "
                + "a clinician may record a deviation with a reason.");
}
