using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.SideEffects;

public class SideEffectTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Fact]
    public async Task A_mild_side_effect_needs_no_review_and_resolves_once()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: false, onsetAt: Journey.Slot(4));
        var path = $"{journey.PatientPath}/side-effects/{sideEffect}";
        using var later = journey.ClockAt(Journey.Slot(8));

        await journey.Clinician.PostProblemAsync($"{path}/review", new { decision = "resume", notes = "Fine" }, Unprocessable, "review-not-required");
        await journey.Practitioner.PostProblemAsync($"{path}/resolution", new { resolvedAt = Journey.Slot(3), outcome = "recovered" },
            Unprocessable, "invalid-resolution");
        await journey.Practitioner.PostOkAsync($"{path}/resolution", new { resolvedAt = Journey.Slot(6), outcome = "recovered" }, HttpStatusCode.OK);
        await journey.Practitioner.PostProblemAsync($"{path}/resolution", new { resolvedAt = Journey.Slot(7), outcome = "recovered" },
            Unprocessable, "side-effect-already-resolved");

        var status = (await journey.HistoryAsync())["status"]!;
        status["openSideEffects"]!.AsArray().ShouldBeEmpty();
        status["treatmentSuspended"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_serious_side_effect_is_reviewed_once_with_notes()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: true, onsetAt: Journey.Slot(4));
        var review = $"{journey.PatientPath}/side-effects/{sideEffect}/review";

        await journey.Clinician.PostProblemAsync(review, new { decision = "resume", notes = " " }, Unprocessable, "invalid-review");
        await journey.Clinician.PostOkAsync(review, new { decision = "resume", notes = "Antibiotics; resume" }, HttpStatusCode.OK);
        await journey.Clinician.PostProblemAsync(review, new { decision = "stop-treatment", notes = "Again" }, Unprocessable, "side-effect-already-reviewed");
    }

    [Fact]
    public async Task A_review_that_stops_treatment_stops_the_active_plan()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: true, onsetAt: Journey.Slot(4));

        var reviewed = await journey.Clinician.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffect}/review",
            new { decision = "stop-treatment", notes = "Not worth the risk" }, HttpStatusCode.OK);

        reviewed["recorded"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["side-effect-reviewed.v1", "treatment-plan-stopped.v1"]);
        var status = (await journey.HistoryAsync())["status"]!;
        status["activePlan"].ShouldBeNull();
        status["treatmentSuspended"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task The_regulator_is_notified_once_and_only_of_a_serious_or_severe_side_effect()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        var mild = await journey.ReportSideEffectAsync(session, serious: false, Journey.Slot(4));
        var serious = await journey.ReportSideEffectAsync(session, serious: true, Journey.Slot(4));
        string Notification(Guid sideEffect) => $"{journey.PatientPath}/side-effects/{sideEffect}/regulator-notification";
        using var afterward = journey.AfterSideEffect(Journey.Slot(4));

        await journey.Practitioner.PostProblemAsync(Notification(mild), new { reference = "REG-1" }, Unprocessable, "notification-not-required");
        await journey.Practitioner.PostOkAsync(Notification(serious), new { reference = "REG-2" }, HttpStatusCode.OK);
        await journey.Practitioner.PostProblemAsync(Notification(serious), new { reference = "REG-3" }, Unprocessable, "regulator-already-notified");
        await journey.Practitioner.PostProblemAsync(Notification(Guid.NewGuid()), new { }, HttpStatusCode.NotFound, "side-effect-not-found");
    }

    [Fact]
    public async Task A_fatal_or_life_threatening_side_effect_is_due_to_the_regulator_within_7_days()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        using var afterward = journey.ClockAt(Journey.Slot(3).AddHours(3));
        await journey.Practitioner.CreateAsync($"{journey.PatientPath}/side-effects", new
        {
            sessionId = session, kind = "allergic-reaction", severity = "life-threatening", serious = true,
            seriousness = new[] { "life-threatening", "hospitalisation" }, onsetAt = Journey.Slot(3).AddHours(1),
            awareAt = Journey.Slot(3).AddHours(2), description = "Anaphylaxis", reportedBy = "staff",
        });

        var open = (await journey.HistoryAsync())["status"]!["openSideEffects"]!.AsArray().Single()!;
        open["reportDueAt"]!.GetValue<DateTimeOffset>().ShouldBe(Journey.Slot(3).AddHours(2).AddDays(7));
        open["severity"]!.GetValue<string>().ShouldBe("life-threatening");
    }

    [Fact]
    public async Task A_side_effect_ties_to_a_performed_session_of_the_patient()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var scheduled = await journey.ScheduleAsync(Journey.Slot(3));
        var sideEffects = $"{journey.PatientPath}/side-effects";
        using var afterward = journey.AfterSideEffect(Journey.Slot(4));

        await journey.Practitioner.PostProblemAsync(sideEffects, Journey.SideEffect(scheduled, false, Journey.Slot(4)), Unprocessable, "session-not-performed");
        await journey.Practitioner.PostProblemAsync(sideEffects, Journey.SideEffect(Guid.NewGuid(), false, Journey.Slot(4)),
            HttpStatusCode.NotFound, "session-not-found");
    }

    [Fact]
    public async Task A_serious_side_effect_names_its_criteria_and_nobody_knows_of_one_before_its_onset()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var sideEffects = $"{journey.PatientPath}/side-effects";
        object Report(bool serious, string[] seriousness, DateTimeOffset awareAt) => new
        {
            kind = "swelling", severity = "moderate", serious, seriousness, onsetAt = Journey.Slot(1), awareAt, description = "Swollen cheek",
            reportedBy = "patient",
        };

        await journey.Practitioner.PostProblemAsync(sideEffects, Report(true, [], Journey.Slot(2)), Unprocessable, "invalid-side-effect");
        await journey.Practitioner.PostProblemAsync(sideEffects, Report(false, ["disability"], Journey.Slot(2)), Unprocessable, "invalid-side-effect");
        await journey.Practitioner.PostProblemAsync(sideEffects, Report(false, [], Journey.Slot(0)), Unprocessable, "invalid-side-effect");
    }

    [Theory]
    [InlineData("fatal", false, new string[0])]
    [InlineData("fatal", true, new[] { "hospitalisation" })]
    [InlineData("life-threatening", true, new[] { "death" })]
    public async Task A_fatal_or_life_threatening_side_effect_is_serious_with_its_criterion(string severity, bool serious, string[] seriousness)
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/side-effects", new
        {
            kind = "allergic-reaction", severity, serious, seriousness, onsetAt = Journey.Slot(0), awareAt = Journey.Slot(0).AddHours(1),
            description = "Anaphylaxis", reportedBy = "staff",
        }, Unprocessable, "missing-seriousness-criterion");
    }

    [Fact]
    public async Task A_side_effect_lowered_by_a_clinician_stays_suspended_and_due_until_reviewed_as_reported_in_error()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        await journey.ReportSideEffectAsync(session, serious: true, onsetAt: Journey.Slot(4));
        using var afterTheReport = journey.AfterSideEffect(Journey.Slot(4));
        var reported = Journey.Entry(await journey.HistoryAsync(), "side-effect-reported.v1");
        var lowered = new
        {
            eventId = reported["eventId"]!.GetValue<Guid>(), reason = "A bruise, seen by the consultant",
            values = Journey.SideEffect(session, serious: false, Journey.Slot(4)),
        };

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections", lowered, HttpStatusCode.Forbidden, "clinician-required");
        await journey.Clinician.PostOkAsync($"{journey.PatientPath}/corrections", lowered);

        var open = (await journey.HistoryAsync())["status"]!["openSideEffects"]!.AsArray().Single()!;
        open["severity"]!.GetValue<string>().ShouldBe("mild");
        open["awaitingReview"]!.GetValue<bool>().ShouldBeTrue();
        open["reportDueAt"]!.GetValue<DateTimeOffset>().ShouldBe(Journey.Slot(4).AddHours(2).AddDays(15));
        var sideEffect = $"{journey.PatientPath}/side-effects/{open["sideEffectId"]!.GetValue<Guid>()}";

        await journey.Clinician.PostOkAsync($"{sideEffect}/review", new { decision = "reported-in-error", notes = "A bruise only" }, HttpStatusCode.OK);

        var status = (await journey.HistoryAsync())["status"]!;
        status["treatmentSuspended"]!.GetValue<bool>().ShouldBeFalse();
        status["openSideEffects"]![0]!["reportedInError"]!.GetValue<bool>().ShouldBeTrue();
        await journey.Practitioner.PostProblemAsync($"{sideEffect}/regulator-notification", new { }, Unprocessable, "notification-not-required");
    }

    [Theory]
    [InlineData("resolution")]
    [InlineData("review")]
    public async Task Resolving_or_reviewing_an_unknown_side_effect_is_404(string action)
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        object body = action == "review" ? new { decision = "resume", notes = "x" } : new { resolvedAt = Journey.Now, outcome = "recovered" };

        await journey.Clinician.PostProblemAsync($"{journey.PatientPath}/side-effects/{Guid.NewGuid()}/{action}", body,
            HttpStatusCode.NotFound, "side-effect-not-found");
    }
}
