using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Dashboard;

/// <summary>The dashboard follows a side effect's correction: its counts and its report's deadline, unless the report was closed.</summary>
public class DashboardCorrectionTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_corrected_side_effect_is_counted_as_the_correction_says_and_its_report_falls_due()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3), "LOT-A");
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: false, onsetAt: Journey.Slot(4));
        var counts = (await DashboardAsync(journey))["counts"]!;
        counts["sideEffectsBySeverity"]!["mild"]!.GetValue<int>().ShouldBe(1);
        counts["reportsDue"]!.AsArray().ShouldBeEmpty("a mild bruise is not reported");

        using var afterTheReport = journey.AfterSideEffect(Journey.Slot(4));
        await CorrectAsync(journey, Journey.SideEffect(session, serious: true, Journey.Slot(4)));

        var dashboard = await DashboardAsync(journey);
        counts = dashboard["counts"]!;
        counts["sideEffectsBySeverity"]!.AsObject().Where(severity => severity.Value!.GetValue<int>() != 0)
            .ToDictionary(severity => severity.Key, severity => severity.Value!.GetValue<int>()).ShouldBe(new Dictionary<string, int> { ["severe"] = 1 });
        counts["sideEffectsByKind"]!.AsObject().Where(kind => kind.Value!.GetValue<int>() != 0)
            .ToDictionary(kind => kind.Key, kind => kind.Value!.GetValue<int>()).ShouldBe(new Dictionary<string, int> { ["infection"] = 1 });
        counts["seriousSideEffects"]!.GetValue<int>().ShouldBe(1);
        dashboard["ratesByLot"]!.AsArray().Single(rate => rate!["key"]!.GetValue<string>() == "LOT-A")!["sideEffects"]!.GetValue<int>()
            .ShouldBe(1, "still one side effect after the session");
        var due = counts["reportsDue"]!.AsArray().ShouldHaveSingleItem()!;
        due["sideEffectId"]!.GetValue<Guid>().ShouldBe(sideEffect);
        due["dueAt"]!.GetValue<DateTimeOffset>().ShouldBe(Journey.Slot(4).AddHours(2).AddDays(15), "aware two hours after onset, serious: 15 days");
    }

    [Fact]
    public async Task A_report_closed_by_the_regulators_notification_stays_closed_when_the_side_effect_is_corrected()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: true, onsetAt: Journey.Slot(4));
        using var afterTheReport = journey.AfterSideEffect(Journey.Slot(4));
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffect}/regulator-notification",
            new { reference = "ANSM-2026-0043" }, HttpStatusCode.OK);
        (await DashboardAsync(journey))["counts"]!["reportsDue"]!.AsArray().ShouldBeEmpty();

        // Life-threatening: a deadline earlier than the one the notification met, which the correction still carries.
        await CorrectAsync(journey, new
        {
            sessionId = session, kind = "infection", severity = "life-threatening", serious = true, seriousness = new[] { "hospitalisation", "life-threatening" },
            onsetAt = Journey.Slot(4), awareAt = Journey.Slot(4).AddHours(2), description = "Sepsis from an abscess", reportedBy = "patient",
        });

        var counts = (await DashboardAsync(journey))["counts"]!;
        counts["reportsDue"]!.AsArray().ShouldBeEmpty("the notification closed the report");
        counts["regulatorNotifications"]!.GetValue<int>().ShouldBe(1);
        counts["sideEffectsBySeverity"]!["life-threatening"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task A_side_effect_found_reported_in_error_leaves_the_counts_and_the_lots_rate()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3), "LOT-ERR");
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: true, onsetAt: Journey.Slot(4));
        var before = await DashboardAsync(journey);
        before["counts"]!["seriousSideEffects"]!.GetValue<int>().ShouldBe(1);

        using var afterTheReport = journey.AfterSideEffect(Journey.Slot(4));
        await journey.Clinician.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffect}/review",
            new { decision = "reported-in-error", notes = "Reported for the wrong patient" }, HttpStatusCode.OK);

        var after = await DashboardAsync(journey);
        after["counts"]!["seriousSideEffects"]!.GetValue<int>().ShouldBe(0);
        after["counts"]!["sideEffectsBySeverity"]!.AsObject().ShouldAllBe(severity => severity.Value!.GetValue<int>() == 0);
        after["ratesByLot"]!.AsArray().Single(rate => rate!["key"]!.GetValue<string>() == "LOT-ERR")!["sideEffects"]!.GetValue<int>()
            .ShouldBe(0, "the lot is not charged with a reaction that did not happen");
    }

    private static async Task CorrectAsync(Journey journey, object values)
    {
        var reported = Journey.Entry(await journey.HistoryAsync(), "side-effect-reported.v1");
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections",
            new { eventId = reported["eventId"]!.GetValue<Guid>(), reason = "Seen again by the practitioner", values });
    }

    private async Task<JsonNode> DashboardAsync(Journey journey)
    {
        await host.WaitForProjectionsAsync();
        return await journey.Client("analyst").GetOkAsync("/api/dashboard");
    }
}
