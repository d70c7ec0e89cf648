using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class ClinicPolicyTests
{
    [Fact]
    public void A_clinic_that_never_set_its_policy_runs_on_the_defaults() =>
        Given.Clinic().State.Policy.ShouldBe(new ClinicPolicy(
            ScreeningValidityDays: 180, MinimumIntervalDays: 7, SeriousReportingDays: 15, FatalOrLifeThreateningReportingDays: 7));

    [Fact]
    public void Setting_a_policy_records_it()
    {
        var policy = new ClinicPolicy(ScreeningValidityDays: 90, MinimumIntervalDays: 10, SeriousReportingDays: 10, FatalOrLifeThreateningReportingDays: 5);

        Given.Clinic()
            .When(new SetClinicPolicy(ClinicId, policy))
            .ThenEmits(new ClinicPolicySet(ClinicId, policy));
    }

    [Fact]
    public void The_latest_policy_set_is_current()
    {
        var stricter = new ClinicPolicy(ScreeningValidityDays: 120);

        Given.Clinic(new ClinicPolicySet(ClinicId, new ClinicPolicy(ScreeningValidityDays: 90)), new ClinicPolicySet(ClinicId, stricter))
            .State.ShouldBe(new ClinicState(ClinicId, stricter));
    }

    [Theory]
    [InlineData(0, 7, 15, 7)]
    [InlineData(366, 7, 15, 7)]
    [InlineData(180, 6, 15, 7)]
    [InlineData(180, 91, 15, 7)]
    [InlineData(180, 7, 0, 7)]
    [InlineData(180, 7, 16, 7)]
    [InlineData(180, 7, 15, 0)]
    [InlineData(180, 7, 15, 8)]
    [InlineData(180, 7, 5, 6)]
    public void A_policy_outside_sensible_ranges_is_refused(int validity, int interval, int serious, int fatal) =>
        Given.Clinic()
            .When(new SetClinicPolicy(ClinicId, new ClinicPolicy(validity, interval, serious, fatal)))
            .ThenRefuses(RefusalCodes.InvalidPolicy);

    [Fact]
    public void The_strictest_sensible_policy_is_accepted() =>
        Given.Clinic()
            .When(new SetClinicPolicy(ClinicId, new ClinicPolicy(1, 90, 1, 1)))
            .ThenEmitsSingle<ClinicPolicySet>();
}
