namespace Clinic.Api.Demo.Group;

/// <summary>
/// How often things happen in the generated histories. The primer names no rates: these are the seed's assumptions,
/// set so a patient has about 20 events on average (docs/operations.md): local reactions after mesotherapy are common
/// and mild, severe ones rare, serious ones (infection) rarer still.
/// </summary>
internal static class GroupRates
{
    public const double LongTreated = 0.008;
    public const double Under18 = 0.01;
    public const double NeverScreened = 0.04;
    public const double Ineligible = 0.07;
    public const double Deferred = 0.05;
    public const double AllergyReaction = 0.03;
    public const double SecondCourse = 0.1;

    /// <summary>Consulted, tested and planned, but never booked a session.</summary>
    public const double ConsultOnly = 0.2;

    /// <summary>After each session, the chance a patient (not a long-treated one) does not come back.</summary>
    public const double DropOut = 0.2;

    public const double Cancelled = 0.04;
    public const double NoShow = 0.03;
    public const double LotCorrected = 0.02;

    public const double SeriousSideEffect = 0.0005;
    public const double SevereSideEffect = 0.003;
    public const double ModerateSideEffect = 0.02;
    public const double MildSideEffect = 0.08;
    public const double SideEffectCorrected = 0.1;
}
