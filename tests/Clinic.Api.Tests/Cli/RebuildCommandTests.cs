using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

/// <summary>The <c>rebuild</c> verb, run against a live host's database: documents rebuilt from the events equal the live ones.</summary>
public class RebuildCommandTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string[] Projections = ["patient-history", "session-locator", "practitioner-calendar", "practitioner-schedule", "audit-trail"];

    [Fact]
    public async Task Rebuilding_every_projection_prints_progress_and_gives_back_the_same_documents()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var performed = await journey.PerformedSessionAsync(Journey.Slot(3));
        var next = await journey.ScheduleAsync(Journey.Slot(10));
        await journey.ReportSideEffectAsync(performed, serious: false, Journey.Slot(4));
        await host.WaitForProjectionsAsync();
        var live = await ReadAsync(journey);
        var liveCalendar = await PractitionerCalendars.JsonAsync(host, journey);
        // A database written before calendars existed has none: the rebuild creates it.
        await PractitionerCalendars.ForgetAsync(host, journey);

        var run = await CliRun.RunAsync(host, "rebuild", "--all");

        run.ExitCode.ShouldBe(0, run.Errors);
        foreach (var projection in Projections)
        {
            run.OutputLines.ShouldContain($"{projection}: rebuilt.");
            run.OutputLines.ShouldContain(line => line.StartsWith($"{projection}: ") && line.EndsWith("(100%)"));
        }
        await host.WaitForProjectionsAsync();
        var rebuilt = await ReadAsync(journey);
        rebuilt.History.ToJsonString().ShouldBe(live.History.ToJsonString());
        rebuilt.Schedule.ToJsonString().ShouldBe(live.Schedule.ToJsonString());
        (await PractitionerCalendars.JsonAsync(host, journey)).ShouldBe(liveCalendar);
        rebuilt.Audit.Take(live.Audit.Count).Select(e => e.ToJsonString()).ShouldBe(live.Audit.Select(e => e.ToJsonString()));
        await journey.Reception.PostOkAsync($"/api/sessions/{next}/cancel", new { reason = "Found by the rebuilt locator" }, System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rebuild_names_a_known_projection_or_says_which_exist()
    {
        var nothing = await CliRun.RunAsync(host, "rebuild");
        var unknown = await CliRun.RunAsync(host, "rebuild", "patient-histories");

        nothing.ExitCode.ShouldBe(2);
        nothing.Errors.ShouldContain("Name a projection to rebuild, or --all");
        unknown.ExitCode.ShouldBe(2);
        unknown.Errors.ShouldContain("Unknown projection patient-histories");
        foreach (var projection in Projections)
            unknown.Errors.ShouldContain(projection);
    }

    /// <summary>The history (without the moment it was read), the practitioner's schedule and the audit trail.</summary>
    private static async Task<(JsonNode History, JsonNode Schedule, IReadOnlyList<JsonNode> Audit)> ReadAsync(Journey journey)
    {
        var history = (await journey.HistoryAsync()).AsObject();
        history.Remove("asOf");
        var schedule = await journey.Reception.GetOkAsync(Query.Schedule(journey.PractitionerId, Journey.Slot(0), Journey.Slot(30)));
        var audit = await AuditTrail.EntriesAsync(journey.Admin);
        return (history, schedule, audit);
    }
}
