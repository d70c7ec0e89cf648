using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Screening;

/// <summary>The outcome of a screening is computed from the answers and the date of birth, never entered.</summary>
public class ScreeningTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string[] Contraindications =
    [
        "pregnant", "breastfeeding", "insulinDependentDiabetes", "cancerOnMultiDrugTherapy", "heartDiseaseOnMultiDrugTherapy",
        "strokeHistory", "liverDisorder", "kidneyDisorder",
    ];

    [Theory]
    [InlineData("pregnant", "pregnant")]
    [InlineData("breastfeeding", "breastfeeding")]
    [InlineData("insulinDependentDiabetes", "insulin-dependent-diabetes")]
    [InlineData("cancerOnMultiDrugTherapy", "cancer-multi-drug-therapy")]
    [InlineData("heartDiseaseOnMultiDrugTherapy", "heart-disease-multi-drug-therapy")]
    [InlineData("strokeHistory", "stroke-history")]
    [InlineData("liverDisorder", "liver-disorder")]
    [InlineData("kidneyDisorder", "kidney-disorder")]
    public async Task Each_contraindication_makes_the_patient_ineligible_for_that_reason(string answer, string reason)
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        var screening = await journey.ScreenAsync(Answers(answer));

        screening["outcome"]!.GetValue<string>().ShouldBe("ineligible");
        Reasons(screening).ShouldBe([reason]);
    }

    [Fact]
    public async Task Every_reason_that_applies_is_recorded_in_order_and_a_recent_nsaid_joins_them_without_deferral()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync(dateOfBirth: Journey.Today.AddYears(-17));

        var screening = await journey.ScreenAsync(Answers([.. Contraindications], lastNsaidDoseOn: Journey.Today.AddDays(-1)));

        screening["outcome"]!.GetValue<string>().ShouldBe("ineligible");
        Reasons(screening).ShouldBe([
            "under-18", "pregnant", "breastfeeding", "insulin-dependent-diabetes", "cancer-multi-drug-therapy",
            "heart-disease-multi-drug-therapy", "stroke-history", "liver-disorder", "kidney-disorder", "recent-nsaid",
        ]);
        screening["deferredUntil"].ShouldBeNull();
    }

    [Fact]
    public async Task An_nsaid_within_7_days_defers_treatment_until_a_week_after_the_last_dose()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        var screening = await journey.ScreenAsync(Answers([], lastNsaidDoseOn: Journey.Today.AddDays(-2)));

        screening["outcome"]!.GetValue<string>().ShouldBe("deferred");
        Reasons(screening).ShouldBe(["recent-nsaid"]);
        screening["deferredUntil"]!.GetDate().ShouldBe(Journey.Today.AddDays(5));
        screening["validUntil"]!.GetDate().ShouldBe(Journey.Today.AddDays(180));
    }

    [Fact]
    public async Task A_patient_is_an_adult_from_their_18th_birthday()
    {
        var minor = new Journey(host);
        await minor.RegisterPatientAsync(dateOfBirth: Journey.Today.AddYears(-18).AddDays(1));
        var adult = new Journey(host, minor.Clinic);
        await adult.RegisterPatientAsync(dateOfBirth: Journey.Today.AddYears(-18));

        Reasons(await minor.ScreenAsync()).ShouldBe(["under-18"]);
        (await adult.ScreenAsync())["outcome"]!.GetValue<string>().ShouldBe("eligible");
    }

    [Fact]
    public async Task A_last_nsaid_dose_after_the_screening_date_is_refused_invalid_screening()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/screenings", Answers([], lastNsaidDoseOn: Journey.Today.AddDays(1)),
            HttpStatusCode.UnprocessableEntity, "invalid-screening");
    }

    [Fact]
    public async Task The_examination_and_the_blood_and_urine_test_are_dated_on_or_before_the_screening_and_shown_on_the_status()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        var answers = Answers([]);

        answers["bloodUrineTestOn"] = Journey.Today.AddDays(1).ToString("O");
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/screenings", answers, HttpStatusCode.UnprocessableEntity, "invalid-screening");
        answers["bloodUrineTestOn"] = Journey.Today.ToString("O");
        await journey.ScreenAsync(answers);

        var eligibility = (await journey.HistoryAsync())["status"]!["eligibility"]!;
        eligibility["bloodUrineTestOn"]!.GetValue<string>().ShouldBe(Journey.Today.ToString("O"));
        eligibility["physicalExaminationOn"].ShouldBeNull();
        eligibility["eligibleToday"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Screening_an_unknown_patient_is_404()
    {
        var journey = new Journey(host);

        await journey.Practitioner.PostProblemAsync($"/api/patients/{Guid.NewGuid()}/screenings", Journey.Screening(),
            HttpStatusCode.NotFound, "patient-not-found");
    }

    private static JsonObject Answers(string answer) => Answers([answer]);

    private static JsonObject Answers(string[] yes, DateOnly? lastNsaidDoseOn = null)
    {
        var answers = new JsonObject { ["screenedOn"] = Journey.Today.ToString("O") };
        foreach (var contraindication in Contraindications)
            answers[contraindication] = yes.Contains(contraindication);
        if (lastNsaidDoseOn is { } dose)
            answers["lastNsaidDoseOn"] = dose.ToString("O");
        return answers;
    }

    private static IReadOnlyList<string> Reasons(JsonNode screening) =>
        screening["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
}
