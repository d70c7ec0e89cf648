namespace Clinic.Domain.ClinicPolicies;

/// <summary>
/// The values a clinic may configure; commands whose rules read them carry the clinic's current policy.
/// A knob added later has a default, so that policies stored before it existed still read (as that default).
/// </summary>
public sealed record ClinicPolicy(
    int ScreeningValidityDays = 180,
    int MinimumIntervalDays = 7,
    int SeriousReportingDays = 15,
    int FatalOrLifeThreateningReportingDays = 7,
    int AllergyReadingWindowDays = 4,
    int AllergyTestValidityMonths = 12,
    decimal MaximumSessionVolumeMl = 20m,
    int RetentionYears = 10)
{
    public static ClinicPolicy Default { get; } = new();
}
