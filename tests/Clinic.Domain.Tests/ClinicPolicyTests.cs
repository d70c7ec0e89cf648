using System.Globalization;
using System.Text.Json;
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
            ScreeningValidityDays: 180, MinimumIntervalDays: 7, SeriousReportingDays: 15, FatalOrLifeThreateningReportingDays: 7,
            AllergyReadingWindowDays: 4, AllergyTestValidityMonths: 12, MaximumSessionVolumeMl: 20m, RetentionYears: 10));

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

    [Theory]
    [InlineData(1, 12, false)]
    [InlineData(2, 12, true)]
    [InlineData(14, 12, true)]
    [InlineData(15, 12, false)]
    [InlineData(4, 0, false)]
    [InlineData(4, 1, true)]
    [InlineData(4, 13, false)]
    public void The_allergy_reading_window_is_2_to_14_days_and_a_clean_test_clears_for_1_to_12_months(
        int readingWindowDays, int testValidityMonths, bool accepted) =>
        Given.Clinic()
            .When(new SetClinicPolicy(ClinicId, new ClinicPolicy(AllergyReadingWindowDays: readingWindowDays, AllergyTestValidityMonths: testValidityMonths)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.InvalidPolicy);

    [Theory]
    [InlineData("0.99", false)]
    [InlineData("1", true)]
    [InlineData("20", true)]
    [InlineData("20.01", false)]
    public void The_session_volume_ceiling_is_1_to_20_ml(string ceiling, bool accepted) =>
        Given.Clinic()
            .When(new SetClinicPolicy(ClinicId, new ClinicPolicy(MaximumSessionVolumeMl: decimal.Parse(ceiling, CultureInfo.InvariantCulture))))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.InvalidPolicy);

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void The_retention_period_is_5_to_100_years(int retentionYears, bool accepted) =>
        Given.Clinic()
            .When(new SetClinicPolicy(ClinicId, new ClinicPolicy(RetentionYears: retentionYears)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.InvalidPolicy);

    [Fact]
    public void A_policy_stored_before_the_reading_window_and_test_validity_existed_reads_with_their_defaults()
    {
        const string storedBefore = """
            {"clinicId": "clinic-lyon", "policy": {"screeningValidityDays": 90, "minimumIntervalDays": 10,
             "seriousReportingDays": 15, "fatalOrLifeThreateningReportingDays": 7}}
            """;

        JsonSerializer.Deserialize<ClinicPolicySet>(storedBefore, new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .Policy.ShouldBe(new ClinicPolicy(ScreeningValidityDays: 90, MinimumIntervalDays: 10, AllergyReadingWindowDays: 4,
                AllergyTestValidityMonths: 12));
    }
}
