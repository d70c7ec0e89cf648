using System.Text.Json.Nodes;
using Clinic.Api.Auth;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Demo;

/// <summary>The <c>seed-demo</c> verb, run on a host's database; what it created is read back through the HTTP API.</summary>
public class SeedDemoTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private ApiHost Host => demo.Host;

    [Fact]
    public void Seed_demo_succeeds()
    {
        demo.Run.ExitCode.ShouldBe(0, demo.Run.Errors);
        demo.Run.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Seed_demo_prints_what_it_created_and_the_clinics_audit_trail_holds_exactly_that()
    {
        var admin = Host.Client(ClinicRoles.ClinicAdmin, demo.Clinic);
        var trail = AuditTrail.Entries(await AuditTrail.PagesAsync(admin, limit: 1000));
        var audit = trail.Where(entry => entry["actorId"]!.GetValue<string>().StartsWith("demo-")).ToList();
        int Recorded(string type) => audit.Count(entry => entry["eventType"]!.GetValue<string>() == type);
        Recorded("practitioner-registered.v1").ShouldBe(5);
        Recorded("patient-registered.v1").ShouldBe(50);
        Recorded("session-cancelled.v1").ShouldBe(1);
        Recorded("session-marked-no-show.v1").ShouldBe(1);
        Recorded("side-effect-reviewed.v1").ShouldBe(1);
        Recorded("session-performed.v1").ShouldBeGreaterThan(50);
        var summary = demo.Run.OutputLines;
        summary.ShouldContain($"Seeded clinic '{demo.Clinic}' through Wolverine's handlers: {audit.Count} events.");
        summary.ShouldContain("practitioners    5 (1 with an expired licence)");
        summary.ShouldContain("patients         50: 35 eligible, 10 ineligible, 3 deferred, 2 not yet screened");
        var performed = $"sessions         {Recorded("session-performed.v1")} performed, ";
        summary.ShouldContain(line => line.StartsWith(performed) && line.EndsWith(", 1 cancelled, 1 no-show"));
        // Besides the seed's events: this test's own views, and timers Wolverine fired (reminders, readings due).
        trail.Except(audit).ShouldAllBe(entry =>
            entry["eventType"]!.GetValue<string>() == "record-viewed.v1" || entry["actorRole"]!.GetValue<string>() == "system");
    }

    [Fact]
    public async Task The_demo_patients_cover_every_screening_outcome_allergy_state_and_side_effect()
    {
        var admin = Host.Client(ClinicRoles.ClinicAdmin, demo.Clinic);
        var registered = await AuditTrail.EntriesAsync(admin, "&type=patient-registered.v1");

        var histories = new List<JsonNode>();
        foreach (var patient in registered)
            histories.Add(await admin.GetOkAsync($"/api/patients/{patient["patientId"]}/history"));
        var statuses = histories.Select(history => history["status"]!).ToList();

        string? Outcome(JsonNode status) => status["eligibility"]?["outcome"]!.GetValue<string>();
        statuses.Count(s => Outcome(s) is null).ShouldBe(2);
        statuses.Count(s => Outcome(s) == "ineligible").ShouldBe(10);
        statuses.Count(s => Outcome(s) == "deferred").ShouldBe(3);
        statuses.Count(s => Outcome(s) == "eligible").ShouldBe(35);
        statuses.Where(s => Outcome(s) == "ineligible").SelectMany(s => s["eligibility"]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()))
            .Distinct().Order().ShouldBe([
                "breastfeeding", "cancer-multi-drug-therapy", "heart-disease-multi-drug-therapy", "insulin-dependent-diabetes", "kidney-disorder",
                "liver-disorder", "pregnant", "recent-nsaid", "stroke-history", "under-18",
            ]);
        statuses.Count(s => s["allergy"]!["reactedSubstances"]!.AsArray().Count > 0).ShouldBe(1);
        statuses.Count(s => s["allergy"]!["state"]!.GetValue<string>() == "pending").ShouldBe(1);
        statuses.Count(s => s["treatmentSuspended"]!.GetValue<bool>()).ShouldBe(1);
        statuses.SelectMany(s => s["openSideEffects"]!.AsArray()).Select(e => e!["severity"]!.GetValue<string>()).Order().ShouldBe(["mild", "severe"]);
        statuses.Count(s => s["activePlan"] is not null).ShouldBeGreaterThan(25);
        histories.SelectMany(h => h["timeline"]!.AsArray()).Where(e => e!["type"]!.GetValue<string>() == "session-performed.v1")
            .ShouldAllBe(e => e!["summary"]!.GetValue<string>().Contains(" lot "));
    }

    [Fact]
    public async Task Each_practitioners_schedule_has_past_and_future_sessions_that_never_overlap()
    {
        var regulator = Host.Client(ClinicRoles.Regulator, demo.Clinic);
        var practitioners = await AuditTrail.EntriesAsync(Host.Client(ClinicRoles.ClinicAdmin, demo.Clinic), "&type=practitioner-registered.v1");

        var sessions = new List<JsonNode>();
        foreach (var practitioner in practitioners)
        {
            var id = practitioner["streamId"]!.GetValue<Guid>();
            var past = await regulator.GetOkAsync(Query.Schedule(id, Journey.Slot(-91), Journey.Slot(0)));
            var future = await regulator.GetOkAsync(Query.Schedule(id, Journey.Slot(0), Journey.Slot(91)));
            var own = past["sessions"]!.AsArray().Concat(future["sessions"]!.AsArray()).Select(s => s!).ToList();
            NeverOverlap(own);
            sessions.AddRange(own);
        }

        var statuses = sessions.Select(s => s["status"]!.GetValue<string>()).ToList();
        statuses.Distinct().Order().ShouldBe(["cancelled", "no-show", "performed", "scheduled"]);
        sessions.Where(s => s["status"]!.GetValue<string>() == "performed").ShouldAllBe(s => s["startsAt"]!.GetValue<DateTimeOffset>() < Journey.Now);
        sessions.Where(s => s["status"]!.GetValue<string>() == "scheduled").ShouldAllBe(s => s["startsAt"]!.GetValue<DateTimeOffset>() > Journey.Now);
    }

    [Fact]
    public async Task Seed_demo_refuses_a_clinic_that_already_has_data()
    {
        var journey = await new Journey(Host).RegisterPractitionerAsync();

        var run = await CliRun.RunAsync(Host, "seed-demo", "--clinic", journey.Clinic);
        var again = await CliRun.RunAsync(Host, "seed-demo", "--clinic", demo.Clinic);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldNotContain("Seeded clinic");
        run.Errors.ShouldContain($"Clinic '{journey.Clinic}' already has data");
        again.ExitCode.ShouldBe(1);
        await Host.WaitForProjectionsAsync();
        AuditTrail.Types(await AuditTrail.EntriesAsync(journey.Admin)).ShouldBe(["practitioner-registered.v1"]);
    }

    /// <summary>The practitioner is never in two live sessions at once (a cancelled one frees its slot).</summary>
    private static void NeverOverlap(IEnumerable<JsonNode> sessions)
    {
        var live = sessions.Where(s => s["status"]!.GetValue<string>() != "cancelled")
            .Select(s => (Start: s["startsAt"]!.GetValue<DateTimeOffset>(), End: s["endsAt"]!.GetValue<DateTimeOffset>()))
            .OrderBy(s => s.Start).ToList();
        for (var i = 1; i < live.Count; i++)
            live[i].Start.ShouldBeGreaterThanOrEqualTo(live[i - 1].End);
    }
}
