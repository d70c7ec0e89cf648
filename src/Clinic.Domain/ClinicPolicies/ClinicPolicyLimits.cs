namespace Clinic.Domain.ClinicPolicies;

/// <summary>The sensible ranges a clinic policy must stay within.</summary>
public static class ClinicPolicyLimits
{
    public const int MaximumScreeningValidityDays = 365;

    /// <summary>Two sessions of a plan are never under 7 days apart (primer 001, 003): a clinic may only be stricter.</summary>
    public const int LowestMinimumIntervalDays = 7;

    public const int HighestMinimumIntervalDays = 90;

    /// <summary>A clinic may report faster than 15 days (7 when fatal or life-threatening), never slower.</summary>
    public const int MaximumSeriousReportingDays = 15;

    public const int MaximumFatalOrLifeThreateningReportingDays = 7;

    /// <summary>
    /// An allergy test is read "after a few days at most" (seed 000): never less than two days, since the reading
    /// only falls due a day after the dose, and never more than two weeks.
    /// </summary>
    public const int MinimumAllergyReadingWindowDays = 2;

    public const int MaximumAllergyReadingWindowDays = 14;

    /// <summary>
    /// A clean allergy test clears its substances for at most a year after the dose (choice: no source says how long
    /// tolerance lasts, and a patient may become sensitised since), so a clinic may only be stricter.
    /// </summary>
    public const int MinimumAllergyTestValidityMonths = 1;

    public const int MaximumAllergyTestValidityMonths = 12;

    /// <summary>
    /// The products of one session add up to at most 20 ml (issue 13; choice: no source gives a ceiling), so a clinic may
    /// only be stricter, down to 1 ml.
    /// </summary>
    public const decimal MinimumSessionVolumeMl = 1m;

    public const decimal MaximumSessionVolumeMl = 20m;

    /// <summary>
    /// A patient's records are kept this many years after her last treatment (after her registration if never treated):
    /// at least 5 (choice: a floor so that a slip cannot shorten it to a year or two; the clinic sets what its national
    /// law requires), at most 100.
    /// </summary>
    public const int MinimumRetentionYears = 5;

    public const int MaximumRetentionYears = 100;
}
