using Clinic.Domain.ClinicPolicies;

namespace Clinic.Api.ClinicPolicies;

public sealed record PolicyRequest
{
    public required int ScreeningValidityDays { get; init; }
    public required int MinimumIntervalDays { get; init; }
    public required int SeriousReportingDays { get; init; }
    public required int FatalOrLifeThreateningReportingDays { get; init; }

    public ClinicPolicy ToPolicy() => new(ScreeningValidityDays, MinimumIntervalDays, SeriousReportingDays, FatalOrLifeThreateningReportingDays);
}
