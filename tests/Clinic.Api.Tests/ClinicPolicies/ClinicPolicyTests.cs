using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.ClinicPolicies;

public class ClinicPolicyTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_new_clinic_has_the_default_policy()
    {
        var journey = new Journey(host);

        var policy = await journey.Reception.GetOkAsync("/api/clinic/policy");

        policy["screeningValidityDays"]!.GetValue<int>().ShouldBe(180);
        policy["minimumIntervalDays"]!.GetValue<int>().ShouldBe(7);
        policy["seriousReportingDays"]!.GetValue<int>().ShouldBe(15);
        policy["fatalOrLifeThreateningReportingDays"]!.GetValue<int>().ShouldBe(7);
        policy["allergyReadingWindowDays"]!.GetValue<int>().ShouldBe(4);
        policy["allergyTestValidityMonths"]!.GetValue<int>().ShouldBe(12);
        policy["maximumSessionVolumeMl"]!.GetValue<decimal>().ShouldBe(20m);
        policy["retentionYears"]!.GetValue<int>().ShouldBe(10);
    }

    [Fact]
    public async Task A_session_adds_up_to_at_most_the_clinics_volume_ceiling_which_is_at_most_20_ml()
    {
        var journey = new Journey(host);
        var response = await journey.Admin.PutAsync("/api/clinic/policy", System.Net.Http.Json.JsonContent.Create(Policy(maximumSessionVolumeMl: 20.01m)));
        await HttpJson.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "invalid-policy");
        await journey.Admin.PutOkAsync("/api/clinic/policy", Policy(maximumSessionVolumeMl: 5m));
        (await journey.Reception.GetOkAsync("/api/clinic/policy"))["maximumSessionVolumeMl"]!.GetValue<decimal>().ShouldBe(5m);
        await journey.ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        using var afterSession = journey.AfterSession(Journey.Slot(3));

        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed",
            Journey.Performed(Journey.Slot(3), products: [Journey.Product(volumeMl: 2.5m), Journey.Product(lotNumber: "LOT-78", volumeMl: 2.51m)]),
            HttpStatusCode.UnprocessableEntity, "session-volume-exceeded");
        await journey.Practitioner.PostOkAsync($"/api/sessions/{session}/performed",
            Journey.Performed(Journey.Slot(3), products: [Journey.Product(volumeMl: 2.5m), Journey.Product(lotNumber: "LOT-78", volumeMl: 2.5m)]),
            HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_clean_allergy_test_clears_its_substances_for_the_clinics_validity_only()
    {
        var journey = new Journey(host);
        await journey.Admin.PutOkAsync("/api/clinic/policy", Policy(allergyTestValidityMonths: 1));
        (await journey.Reception.GetOkAsync("/api/clinic/policy"))["allergyTestValidityMonths"]!.GetValue<int>().ShouldBe(1);
        await journey.ReadyForTreatmentAsync();

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.TestDoseAt.AddMonths(1).AddMinutes(1)),
            HttpStatusCode.UnprocessableEntity, "no-cleared-substance");
        await journey.ScheduleAsync(Journey.TestDoseAt.AddMonths(1));
    }

    [Fact]
    public async Task A_stricter_policy_applies_to_the_clinics_next_commands_only()
    {
        var journey = new Journey(host);
        var other = new Journey(host);
        await journey.Admin.PutOkAsync("/api/clinic/policy", Policy(screeningValidityDays: 30, minimumIntervalDays: 14));
        await journey.RegisterPatientAsync();
        await other.RegisterPatientAsync();

        var screening = await journey.ScreenAsync();
        screening["validUntil"]!.GetDate().ShouldBe(Journey.Today.AddDays(30));
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/treatment-plans", Journey.Plan(intervalDays: 7),
            HttpStatusCode.UnprocessableEntity, "invalid-plan");
        (await other.ScreenAsync())["validUntil"]!.GetDate().ShouldBe(Journey.Today.AddDays(180));
        (await journey.Reception.GetOkAsync("/api/clinic/policy"))["minimumIntervalDays"]!.GetValue<int>().ShouldBe(14);
    }

    [Theory]
    [InlineData(0, 7, 15, 7, 4, 12)]
    [InlineData(180, 6, 15, 7, 4, 12)]
    [InlineData(180, 7, 16, 7, 4, 12)]
    [InlineData(180, 7, 5, 6, 4, 12)]
    [InlineData(180, 7, 15, 7, 1, 12)]
    [InlineData(180, 7, 15, 7, 15, 12)]
    [InlineData(180, 7, 15, 7, 4, 0)]
    [InlineData(180, 7, 15, 7, 4, 13)]
    public async Task A_policy_outside_the_ranges_the_rules_allow_is_refused_invalid_policy(
        int screeningValidityDays, int minimumIntervalDays, int seriousReportingDays, int fatalOrLifeThreateningReportingDays,
        int allergyReadingWindowDays, int allergyTestValidityMonths)
    {
        var journey = new Journey(host);

        var response = await journey.Admin.PutAsync("/api/clinic/policy", System.Net.Http.Json.JsonContent.Create(
            Policy(screeningValidityDays, minimumIntervalDays, seriousReportingDays, fatalOrLifeThreateningReportingDays,
                allergyReadingWindowDays, allergyTestValidityMonths)));

        await HttpJson.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "invalid-policy");
    }

    private static object Policy(
        int screeningValidityDays = 180, int minimumIntervalDays = 7, int seriousReportingDays = 15, int fatalOrLifeThreateningReportingDays = 7,
        int allergyReadingWindowDays = 4, int allergyTestValidityMonths = 12, decimal maximumSessionVolumeMl = 20m) =>
        new
        {
            screeningValidityDays, minimumIntervalDays, seriousReportingDays, fatalOrLifeThreateningReportingDays, allergyReadingWindowDays,
            allergyTestValidityMonths, maximumSessionVolumeMl,
        };
}
