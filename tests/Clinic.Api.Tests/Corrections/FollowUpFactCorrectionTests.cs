using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Corrections;

/// <summary>
/// Corrections of an allergy test's dose, a side effect's resolution, review and regulator notification, and of a
/// no-show recorded by mistake: each a new event beside the one it corrects, with the record following it.
/// </summary>
public class FollowUpFactCorrectionTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Fact]
    public async Task A_corrected_allergy_test_sits_beside_the_original_and_its_unread_reading_falls_due_from_the_corrected_dose()
    {
        var journey = new Journey(host);
        await journey.ConsultedAsync();
        var testId = await journey.AllergyTestAsync(read: false);
        var appliedAt = Journey.TestDoseAt.AddMinutes(20);

        var history = await CorrectAsync(journey, "allergy-test-applied.v1", "Vitamin C was tested, not hyaluronic acid",
            new { substances = new[] { "lidocaine", "vitamin c" }, appliedAt }, "allergy-test-application-corrected.v1");

        Journey.Entry(history, "allergy-test-applied.v1")["summary"]!.GetValue<string>().ShouldContain("hyaluronic acid");
        Journey.Entry(history, "allergy-test-application-corrected.v1")["summary"]!.GetValue<string>().ShouldContain("lidocaine, vitamin c");
        var test = history["status"]!["allergy"]!["tests"]!.AsArray().ShouldHaveSingleItem()!;
        test["substances"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["lidocaine", "vitamin c"]);
        var dueAt = appliedAt.AddHours(24);
        test["readingDueAt"]!.GetValue<DateTimeOffset>().ShouldBe(dueAt, TimeSpan.FromMilliseconds(1));
        (await OutboxRows.ScheduledAsync(host, "allergy-reading-due.v2", testId.ToString()))
            .ShouldContain(timer => Math.Abs((timer.DueAt - dueAt).TotalMilliseconds) < 1, "a reading timer at the corrected due time");
    }

    [Fact]
    public async Task A_corrected_allergy_test_still_holds_the_substance_that_reacted()
    {
        var journey = new Journey(host);
        await journey.ConsultedAsync();
        await journey.AllergyTestAsync(reaction: true, reacted: ["lidocaine"]);
        var applied = await EventIdAsync(journey, "allergy-test-applied.v1");
        using var afterTheReading = journey.ClockAt(Journey.TestDoseAt.AddDays(1));

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = applied, reason = "Typo", values = new { substances = new[] { "hyaluronic acid" }, appliedAt = Journey.TestDoseAt } },
            Unprocessable, "invalid-allergy-reading");
    }

    [Fact]
    public async Task A_corrected_resolution_sits_beside_the_original_and_follows_the_resolution_rules()
    {
        var (journey, sideEffect) = await SideEffectAsync(serious: false);
        using var later = journey.ClockAt(Journey.Slot(9));
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffect}/resolution",
            new { resolvedAt = Journey.Slot(6), outcome = "recovered" }, HttpStatusCode.OK);
        var resolved = await EventIdAsync(journey, "side-effect-resolved.v1");

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = resolved, reason = "Wrong date", values = new { resolvedAt = Journey.Slot(3), outcome = "recovered" } },
            Unprocessable, "invalid-resolution");
        var history = await CorrectAsync(journey, "side-effect-resolved.v1", "A small scar remained",
            new { resolvedAt = Journey.Slot(8), outcome = "recovered-with-sequelae", notes = "Scar on the left cheek" },
            "side-effect-resolution-corrected.v1");

        Journey.Entry(history, "side-effect-resolved.v1")["summary"]!.GetValue<string>().ShouldBe("Side effect resolved: recovered");
        Journey.Entry(history, "side-effect-resolution-corrected.v1")["summary"]!.GetValue<string>().ShouldContain("recovered-with-sequelae");
    }

    [Fact]
    public async Task A_clinician_corrects_the_review_notes_but_not_the_decision()
    {
        var (journey, sideEffect) = await SideEffectAsync(serious: true);
        await journey.Clinician.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffect}/review",
            new { decision = "resume", notes = "Antibiotics; resume" }, HttpStatusCode.OK);
        var reviewed = await EventIdAsync(journey, "side-effect-reviewed.v1");
        var corrections = $"{journey.PatientPath}/corrections";

        var refused = await journey.Clinician.PostProblemAsync(corrections,
            new { eventId = reviewed, reason = "Changed my mind", values = new { decision = "stop-treatment", notes = "Stop" } },
            Unprocessable, "review-decision-final");
        refused["detail"]!.GetValue<string>().ShouldContain("stop the plan");
        await journey.Practitioner.PostProblemAsync(corrections,
            new { eventId = reviewed, reason = "Typo", values = new { decision = "resume", notes = "Antibiotics for 10 days; resume" } },
            HttpStatusCode.Forbidden, "forbidden");
        var history = await CorrectAsync(journey, "side-effect-reviewed.v1", "Antibiotic course left out",
            new { decision = "resume", notes = "Antibiotics for 10 days; resume" }, "side-effect-review-corrected.v1", journey.Clinician);

        history["status"]!["treatmentSuspended"]!.GetValue<bool>().ShouldBeFalse();
        Journey.Types(history).ShouldNotContain("treatment-plan-stopped.v1");
    }

    [Fact]
    public async Task A_corrected_regulator_notification_sits_beside_the_original()
    {
        var (journey, sideEffect) = await SideEffectAsync(serious: true);
        using var later = journey.ClockAt(Journey.Slot(6));
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffect}/regulator-notification",
            new { notifiedAt = Journey.Slot(5), reference = "REF-1" }, HttpStatusCode.OK);

        var history = await CorrectAsync(journey, "regulator-notified.v1", "Reference of another case",
            new { notifiedAt = Journey.Slot(5, hour: 14), reference = "REF-2" }, "regulator-notification-corrected.v1");

        Journey.Entry(history, "regulator-notification-corrected.v1")["summary"]!.GetValue<string>()
            .ShouldContain($"{Journey.Slot(5, hour: 14):u}");
    }

    [Fact]
    public async Task A_no_show_recorded_by_mistake_is_retracted_and_the_session_recorded_performed()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(2));
        using var afterSession = journey.AfterSession(Journey.Slot(2));
        await journey.Reception.PostOkAsync($"/api/sessions/{session}/no-show", new { }, HttpStatusCode.OK);

        var history = await CorrectAsync(journey, "session-marked-no-show.v1", "The patient came; wrong session ticked", new { },
            "no-show-retracted.v1");
        await journey.Practitioner.PostOkAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(2).AddMinutes(5)), HttpStatusCode.OK);

        history["status"]!["activePlan"]!["sessionsScheduled"]!.GetValue<int>().ShouldBe(1);
        var retraction = Journey.Entry(history, "no-show-retracted.v1")["eventId"]!.GetValue<Guid>();
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = retraction, reason = "Undo", values = new { } }, Unprocessable, "not-correctable");
        Journey.Types(await journey.HistoryAsync()).ShouldContain("session-performed.v1");
    }

    [Theory]
    [InlineData("cancel", "session-cancelled.v1", "book the session again")]
    [InlineData("reschedule", "session-rescheduled.v1", "reschedule")]
    public async Task A_scheduling_fact_is_not_corrected_and_the_problem_names_the_action_that_sets_it_right(
        string command, string type, string action)
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        object body = command == "cancel" ? new { reason = "Patient asked" } : new { startsAt = Journey.Slot(4), reason = "Patient asked" };
        await journey.Reception.PostOkAsync($"/api/sessions/{session}/{command}", body, HttpStatusCode.OK);

        var problem = await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = await EventIdAsync(journey, type), reason = "Mistake", values = new { } }, Unprocessable, "not-correctable");

        problem["detail"]!.GetValue<string>().ShouldContain(action);
    }

    /// <summary>A side effect, from the day after a performed session.</summary>
    private async Task<(Journey Journey, Guid SideEffect)> SideEffectAsync(bool serious)
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        return (journey, await journey.ReportSideEffectAsync(session, serious, onsetAt: Journey.Slot(4)));
    }

    /// <summary>Corrects the one event of <paramref name="type"/> and checks the history shows both, linked, with the reason.</summary>
    private static async Task<JsonNode> CorrectAsync(
        Journey journey, string type, string reason, object values, string correctionType, HttpClient? client = null)
    {
        var corrected = await EventIdAsync(journey, type);
        var reply = await (client ?? journey.Practitioner).PostOkAsync($"{journey.PatientPath}/corrections",
            new { eventId = corrected, reason, values });

        reply["recorded"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe([correctionType]);
        var history = await journey.HistoryAsync();
        var correction = Journey.Entry(history, correctionType);
        correction["corrects"]!.GetValue<Guid>().ShouldBe(corrected);
        correction["reason"]!.GetValue<string>().ShouldBe(reason);
        Journey.Entry(history, type)["correctedBy"]!.AsArray().Select(id => id!.GetValue<Guid>())
            .ShouldBe([correction["eventId"]!.GetValue<Guid>()]);
        return history;
    }

    private static async Task<Guid> EventIdAsync(Journey journey, string type) =>
        Journey.Entry(await journey.HistoryAsync(), type)["eventId"]!.GetValue<Guid>();
}
