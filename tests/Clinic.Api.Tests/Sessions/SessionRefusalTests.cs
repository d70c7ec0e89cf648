using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Sessions;

/// <summary>Each clinical rule on booking and performing a session, as the refusal code a caller gets over HTTP.</summary>
public class SessionRefusalTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Fact]
    public async Task Booking_after_a_later_ineligible_screening_is_refused_not_eligible()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.ScreenAsync(Journey.Screening(pregnant: true));

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3)), Unprocessable, "not-eligible");
    }

    [Fact]
    public async Task Booking_after_the_screening_expires_is_refused_screening_expired()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync(Journey.Screening(screenedOn: Journey.Today.AddDays(-170)));
        await journey.ConsentAsync();
        await journey.AllergyTestAsync();
        await journey.PlanAsync();

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(11)), Unprocessable, "screening-expired");
        await journey.ScheduleAsync(Journey.Slot(10));
    }

    [Fact]
    public async Task Booking_within_a_week_of_an_nsaid_dose_is_refused_deferred()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var deferred = await journey.ScreenAsync(Journey.Screening(lastNsaidDoseOn: Journey.Today.AddDays(-1)));
        deferred["outcome"]!.GetValue<string>().ShouldBe("deferred");

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(5)), Unprocessable, "deferred");
        await journey.ScheduleAsync(Journey.Slot(6));
    }

    [Fact]
    public async Task Booking_after_a_screening_without_the_blood_and_urine_test_is_refused_screening_incomplete()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.ScreenAsync(Journey.Screening(tested: false));

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3)), Unprocessable, "screening-incomplete");
    }

    [Theory]
    [InlineData("localized-fat")]
    [InlineData("cellulite")]
    public async Task Booking_fat_or_cellulite_needs_a_consent_telling_the_patient_fat_removal_is_not_approved(string indication)
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.ConsultedAsync();
        await journey.ConsentAsync("body");
        await journey.AllergyTestAsync();
        await journey.PlanAsync(area: "thighs", indication: indication);
        var booking = journey.Booking(Journey.Slot(3));

        await journey.Reception.PostProblemAsync("/api/sessions", booking, Unprocessable, "fat-removal-disclosure-missing");
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/consents",
            new { scope = new[] { "body" }, formVersion = "v3", signedAt = Journey.Now, toldNotApprovedForFatRemoval = true });
        await journey.Reception.PostOkAsync("/api/sessions", booking);
    }

    [Fact]
    public async Task Booking_an_area_the_consent_does_not_cover_is_refused_consent_missing()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        await journey.ConsentAsync("face", "body");
        await journey.AllergyTestAsync();
        await journey.PlanAsync(area: "scalp");

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3)), Unprocessable, "consent-missing");
    }

    [Fact]
    public async Task Booking_before_the_allergy_test_is_read_is_refused_allergy_test_pending()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        await journey.ConsentAsync();
        await journey.AllergyTestAsync(read: false);
        await journey.PlanAsync();

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3)), Unprocessable, "allergy-test-pending");
    }

    [Fact]
    public async Task Booking_without_an_allergy_test_is_refused_allergy_test_missing()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        await journey.ConsentAsync();
        await journey.PlanAsync();

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3)), Unprocessable, "allergy-test-missing");
    }

    [Fact]
    public async Task Performing_with_a_substance_that_reacted_is_refused_allergy_reaction()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        await journey.ConsentAsync();
        await journey.AllergyTestAsync(reaction: true, reacted: ["hyaluronic acid"]);
        await journey.PlanAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));

        using var afterSession = journey.AfterSession(Journey.Slot(3));
        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed",
            Journey.Performed(Journey.Slot(3), substances: [" Hyaluronic Acid "]), Unprocessable, "allergy-reaction");
        await journey.Practitioner.PostOkAsync($"/api/sessions/{session}/performed",
            Journey.Performed(Journey.Slot(3), substances: ["lidocaine"]), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Performing_with_a_substance_no_test_cleared_is_refused_substance_not_tested()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));

        using var afterSession = journey.AfterSession(Journey.Slot(3));
        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed",
            Journey.Performed(Journey.Slot(3), substances: ["hyaluronic acid", "vitamin c"]), Unprocessable, "substance-not-tested");
    }

    [Fact]
    public async Task Performing_with_a_substance_declared_an_allergy_is_refused_declared_allergy_even_when_tested_clean()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.ScreenAsync(Journey.Screening(allergies: ["Lidocaine"]));
        var session = await journey.ScheduleAsync(Journey.Slot(3));

        using var afterSession = journey.AfterSession(Journey.Slot(3));
        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed",
            Journey.Performed(Journey.Slot(3), substances: ["lidocaine"]), Unprocessable, "declared-allergy");
    }

    [Fact]
    public async Task Booking_a_patient_whose_test_reacted_to_everything_is_refused_no_cleared_substance()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.ConsultedAsync();
        await journey.AllergyTestAsync(reaction: true);
        await journey.PlanAsync();

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3)), Unprocessable, "no-cleared-substance");
    }

    [Fact]
    public async Task Booking_closer_than_the_plan_interval_is_refused_interval_too_short_unless_a_clinician_overrides_it()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.ScheduleAsync(Journey.Slot(3));

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(9)), Unprocessable, "interval-too-short");
        await journey.Clinician.CreateAsync("/api/sessions",
            journey.Booking(Journey.Slot(9), intervalOverride: new { reason = "Patient travels for a month" }));

        var history = await journey.HistoryAsync();
        Journey.Types(history).Count(type => type == "session-scheduled.v1").ShouldBe(2);
        history["timeline"]!.AsArray().Last()!["summary"]!.GetValue<string>().ShouldContain("interval overridden by a clinician");
    }

    [Fact]
    public async Task Booking_a_practitioner_already_in_a_session_is_refused_practitioner_busy()
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await first.AnotherPatient().PatientReadyAsync();
        await first.ScheduleAsync(Journey.Slot(3));

        await second.Reception.PostProblemAsync("/api/sessions", second.Booking(Journey.Slot(3).AddMinutes(15)),
            HttpStatusCode.Conflict, "practitioner-busy");
        await second.ScheduleAsync(Journey.Slot(3).AddMinutes(30));
    }

    [Fact]
    public async Task Booking_after_the_practitioners_licence_expires_is_refused_licence_expired()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync(licenceExpiresOn: Journey.Today.AddDays(5));
        await journey.PatientReadyAsync();

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(6)), Unprocessable, "licence-expired");
        await journey.ScheduleAsync(Journey.Slot(5));
    }

    [Fact]
    public async Task Booking_more_sessions_than_planned_is_refused_plan_complete()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        await journey.ConsentAsync();
        await journey.AllergyTestAsync();
        await journey.PlanAsync(plannedSessions: 3, indication: "musculoskeletal-pain");
        await journey.PerformedSessionAsync(Journey.Slot(3));
        await journey.ScheduleAsync(Journey.Slot(10));
        await journey.ScheduleAsync(Journey.Slot(17));

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(24)), Unprocessable, "plan-complete");
    }

    [Fact]
    public async Task Booking_moving_or_performing_while_a_serious_side_effect_awaits_review_is_refused_plan_suspended()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var performed = await journey.PerformedSessionAsync(Journey.Slot(3));
        var next = await journey.ScheduleAsync(Journey.Slot(10));
        await journey.ReportSideEffectAsync(performed, serious: true, onsetAt: Journey.Slot(4));

        using (journey.AfterSession(Journey.Slot(10)))
            await journey.Practitioner.PostProblemAsync($"/api/sessions/{next}/performed", Journey.Performed(Journey.Slot(10)),
                Unprocessable, "plan-suspended");
        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(17)), Unprocessable, "plan-suspended");
        await journey.Reception.PostProblemAsync($"/api/sessions/{next}/reschedule", new { startsAt = Journey.Slot(11), reason = "Patient asked" },
            Unprocessable, "plan-suspended");
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/treatment-plans", Journey.Plan(), Unprocessable, "plan-suspended");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(4.5)]
    public async Task Recording_an_injection_depth_outside_1_to_4_mm_is_refused_depth_out_of_range(decimal depthMm)
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));

        using var afterSession = journey.AfterSession(Journey.Slot(3));
        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(3), depthMm),
            Unprocessable, "depth-out-of-range");
        await journey.Practitioner.PostOkAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(3), 4m), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("", 2.5, "missing-lot-number")]
    [InlineData("LOT-1", 0, "invalid-volume")]
    [InlineData("LOT-1", -1, "invalid-volume")]
    public async Task A_product_without_its_lot_number_or_a_positive_volume_is_refused(string lotNumber, decimal volumeMl, string code)
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        var record = Journey.Performed(Journey.Slot(3), products: [Journey.Product(lotNumber, volumeMl)]);

        using var afterSession = journey.AfterSession(Journey.Slot(3));
        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed", record, Unprocessable, code);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(46)]
    public async Task A_session_shorter_than_10_or_longer_than_45_minutes_is_refused_invalid_duration(int minutes)
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3), minutes), Unprocessable, "invalid-duration");
    }

    [Fact]
    public async Task Booking_or_moving_a_session_to_a_start_already_past_is_refused_session_in_past()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(DateTimeOffset.UtcNow.AddHours(-1)), Unprocessable, "session-in-past");
        await journey.Reception.PostProblemAsync($"/api/sessions/{session}/reschedule",
            new { startsAt = DateTimeOffset.UtcNow.AddMinutes(-30), reason = "Typed the wrong day" }, Unprocessable, "session-in-past");
    }

    [Fact]
    public async Task Recording_a_session_as_performed_before_it_happened_is_refused_performed_in_future()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));

        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(3)),
            Unprocessable, "performed-in-future");
        using (journey.AfterSession(Journey.Slot(3)))
            await journey.Practitioner.PostOkAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(3)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Recording_a_session_as_performed_days_after_its_booking_is_refused_performed_outside_booking()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));

        using var twoDaysLater = journey.AfterSession(Journey.Slot(5));
        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(5)),
            Unprocessable, "performed-outside-booking");
        await journey.Practitioner.PostOkAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(4)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_product_that_does_not_list_its_substances_is_refused_missing_substances()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));

        using var afterSession = journey.AfterSession(Journey.Slot(3));
        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(3), substances: []),
            Unprocessable, "missing-substances");
    }
}
