using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Requests;

/// <summary>
/// Dates that cannot be true are refused 422 with their code and record nothing: a birth in the future or more than
/// 130 years back, a fact recorded as having happened later than the API's clock, a notification before awareness.
/// </summary>
public class PlausibleDateTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Theory]
    [InlineData("9999-12-31", "date-in-future")]
    [InlineData("1880-01-01", "implausible-date-of-birth")]
    public async Task An_impossible_date_of_birth_is_refused_at_registration_and_in_a_correction(string dateOfBirth, string code)
    {
        var journey = new Journey(host);
        await journey.Reception.PostProblemAsync("/api/patients", Journey.NewPatient(DateOnly.Parse(dateOfBirth)), Unprocessable, code);

        await journey.RegisterPatientAsync();
        var registered = Journey.Entry(await journey.HistoryAsync(), "patient-registered.v1")["eventId"]!.GetValue<Guid>();
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = registered, reason = "Typo", values = Journey.NewPatient(DateOnly.Parse(dateOfBirth)) }, Unprocessable, code);

        Journey.Types(await journey.HistoryAsync()).ShouldBe(["patient-registered.v1"]);
    }

    [Fact]
    public async Task A_screening_dated_after_today_everywhere_is_refused()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/screenings", Journey.Screening(screenedOn: Journey.Today.AddDays(2)),
            Unprocessable, "date-in-future");
    }

    [Fact]
    public async Task A_side_effect_the_clinic_will_only_know_of_years_ahead_is_refused_and_starts_no_reporting_clock()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/side-effects", new
        {
            sessionId = session, kind = "infection", severity = "severe", serious = true, seriousness = new[] { "hospitalisation" },
            onsetAt = Journey.Now.AddHours(-1), awareAt = Journey.Now.AddYears(4),
            description = "Abscess", reportedBy = "patient",
        }, Unprocessable, "date-in-future");

        Journey.Types(await journey.HistoryAsync()).ShouldNotContain("side-effect-reported.v1");
    }

    [Fact]
    public async Task A_resolution_recorded_ahead_of_the_clock_is_refused()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: false, Journey.Slot(4));

        using (journey.AfterSideEffect(Journey.Slot(4)))
            await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/side-effects/{sideEffect}/resolution",
                new { resolvedAt = Journey.Slot(6), outcome = "recovered" }, Unprocessable, "date-in-future");
    }

    [Fact]
    public async Task A_regulator_notification_dated_before_the_clinic_knew_is_refused_and_the_regulator_not_shown_notified()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: true, Journey.Slot(4));
        using var afterward = journey.AfterSideEffect(Journey.Slot(4));

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/side-effects/{sideEffect}/regulator-notification",
            new { notifiedAt = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), reference = "REF-1" }, Unprocessable, "notified-before-aware");

        var open = (await journey.HistoryAsync())["status"]!["openSideEffects"]!.AsArray().Single()!;
        open["regulatorNotified"]!.GetValue<bool>().ShouldBeFalse();
    }
}
