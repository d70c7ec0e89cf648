namespace Clinic.Domain.ClinicPolicies;

/// <summary>
/// The values a clinic may configure; commands whose rules read them carry the clinic's current policy.
/// </summary>
public sealed record ClinicPolicy(
    int ScreeningValidityDays = 180,
    int MinimumIntervalDays = 7,
    int SeriousReportingDays = 15,
    int FatalOrLifeThreateningReportingDays = 7)
{
    public static ClinicPolicy Default { get; } = new();
}
