using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.AllergyTests;

public class AllergyTestTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Fact]
    public async Task A_test_is_pending_until_read_and_read_once()
    {
        var journey = new Journey(host);
        await journey.ConsultedAsync();
        var testId = await journey.AllergyTestAsync(read: false);
        var pending = await journey.HistoryAsync();
        pending["status"]!["allergy"]!["state"]!.GetValue<string>().ShouldBe("pending");

        var reading = $"{journey.PatientPath}/allergy-tests/{testId}/reading";
        await journey.Practitioner.PostOkAsync(reading, new { readAt = Journey.Now, reaction = true, reactedSubstances = new[] { "lidocaine" } },
            HttpStatusCode.OK);
        await journey.Practitioner.PostProblemAsync(reading, new { readAt = Journey.Now, reaction = false }, Unprocessable, "allergy-test-already-read");

        var allergy = (await journey.HistoryAsync())["status"]!["allergy"]!;
        allergy["state"]!.GetValue<string>().ShouldBe("read");
        allergy["reactedSubstances"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["lidocaine"]);
        allergy["clearedSubstances"]!.AsArray().ShouldBeEmpty("a reaction read an hour after the dose clears none of the others");
    }

    [Fact]
    public async Task A_reading_comes_after_the_dose_and_names_only_tested_substances()
    {
        var journey = new Journey(host);
        await journey.ConsultedAsync();
        var testId = await journey.AllergyTestAsync(read: false);
        var reading = $"{journey.PatientPath}/allergy-tests/{testId}/reading";

        await journey.Practitioner.PostProblemAsync(reading, new { readAt = Journey.Now.AddDays(-3), reaction = false },
            Unprocessable, "invalid-allergy-reading");
        await journey.Practitioner.PostProblemAsync(reading, new { readAt = Journey.Now, reaction = true, reactedSubstances = new[] { "latex" } },
            Unprocessable, "invalid-allergy-reading");
        await journey.Practitioner.PostProblemAsync(reading, new { readAt = Journey.Now, reaction = false, reactedSubstances = new[] { "lidocaine" } },
            Unprocessable, "invalid-allergy-reading");
    }

    [Fact]
    public async Task A_reading_of_no_reaction_is_taken_a_full_day_after_the_dose_or_refused_allergy_reading_too_early()
    {
        var journey = new Journey(host);
        await journey.ConsultedAsync();
        var testId = await journey.AllergyTestAsync(read: false);
        var reading = $"{journey.PatientPath}/allergy-tests/{testId}/reading";

        await journey.Practitioner.PostProblemAsync(reading, new { readAt = Journey.TestDoseAt.AddMinutes(1), reaction = false },
            Unprocessable, "allergy-reading-too-early");
        using var dayAfterTheDose = journey.ClockAt(Journey.TestDoseAt.AddDays(1));
        await journey.Practitioner.PostOkAsync(reading, new { readAt = Journey.TestDoseAt.AddDays(1), reaction = false }, HttpStatusCode.OK);

        (await journey.HistoryAsync())["status"]!["allergy"]!["clearedSubstances"]!.AsArray().Select(s => s!.GetValue<string>())
            .ShouldBe(["lidocaine", "hyaluronic acid"]);
    }

    [Fact]
    public async Task A_test_dose_needs_an_eligible_screening_and_consent_by_then()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        var tests = $"{journey.PatientPath}/allergy-tests";
        var dose = new { substances = new[] { "lidocaine" }, appliedAt = Journey.TestDoseAt };

        await journey.Practitioner.PostProblemAsync(tests, dose, Unprocessable, "not-eligible");
        await journey.ScreenAsync(Journey.Screening(pregnant: true));
        await journey.Practitioner.PostProblemAsync(tests, dose, Unprocessable, "not-eligible");
        await journey.ScreenAsync();
        await journey.Practitioner.PostProblemAsync(tests, dose, Unprocessable, "consent-missing");
        await journey.ConsentAsync();
        await journey.Practitioner.CreateAsync(tests, dose);
    }

    [Fact]
    public async Task A_test_names_its_substances()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/allergy-tests",
            new { substances = Array.Empty<string>(), appliedAt = Journey.Now }, Unprocessable, "invalid-allergy-test");
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/allergy-tests",
            new { substances = new[] { " " }, appliedAt = Journey.Now }, Unprocessable, "invalid-allergy-test");
    }

    [Fact]
    public async Task Reading_an_unknown_test_is_404()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/allergy-tests/{Guid.NewGuid()}/reading",
            new { readAt = Journey.Now, reaction = false }, HttpStatusCode.NotFound, "allergy-test-not-found");
    }

    [Fact]
    public async Task A_reading_of_no_reaction_after_the_clinics_window_is_refused_allergy_reading_too_late_a_reaction_never_is()
    {
        var journey = new Journey(host);
        await journey.ConsultedAsync(Journey.Now.AddDays(-5));
        var clean = await journey.AllergyTestAsync(read: false, appliedAt: Journey.Now.AddDays(-5));
        var reacted = await journey.AllergyTestAsync(read: false, appliedAt: Journey.Now.AddDays(-5));

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/allergy-tests/{clean}/reading",
            new { readAt = Journey.Now, reaction = false }, Unprocessable, "allergy-reading-too-late");
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/allergy-tests/{reacted}/reading",
            new { readAt = Journey.Now, reaction = true, reactedSubstances = new[] { "lidocaine" } }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_reading_window_is_the_clinics_policy()
    {
        var journey = new Journey(host);
        await journey.Admin.PutOkAsync("/api/clinic/policy", new
        {
            screeningValidityDays = 180, minimumIntervalDays = 7, seriousReportingDays = 15, fatalOrLifeThreateningReportingDays = 7,
            allergyReadingWindowDays = 7,
        });
        await journey.ConsultedAsync(Journey.Now.AddDays(-5));
        var testId = await journey.AllergyTestAsync(read: false, appliedAt: Journey.Now.AddDays(-5));

        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/allergy-tests/{testId}/reading",
            new { readAt = Journey.Now, reaction = false }, HttpStatusCode.OK);
    }
}
