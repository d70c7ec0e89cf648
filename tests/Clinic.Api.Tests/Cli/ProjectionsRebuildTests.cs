using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

/// <summary>
/// Marten's <c>projections rebuild</c> on the clinic's store (conjoined tenancy, hot/cold daemon), run against a live
/// host's database: documents rebuilt from the events equal the live ones.
/// </summary>
public class ProjectionsRebuildTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string[] Projections =
        ["patient-history", "patient-timeline", "session-locator", "session-products", "practitioner-calendar", "practitioner-schedule", "audit-trail", "clinic-dashboard"];

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

        var run = await CliRun.RunAsync(host, "projections", "rebuild");

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        foreach (var projection in Projections)
        {
            run.OutputLines.ShouldContain(line => line.StartsWith($"{projection}:All: ") && line.EndsWith('%'), "its progress");
            run.OutputLines.ShouldContain(line => line.StartsWith($"Finished rebuilding {projection} in "));
        }
        run.OutputLines.ShouldContain("Projection Rebuild complete!");
        await host.WaitForProjectionsAsync();
        var rebuilt = await ReadAsync(journey);
        rebuilt.History.ToJsonString().ShouldBe(live.History.ToJsonString());
        rebuilt.Schedule.ToJsonString().ShouldBe(live.Schedule.ToJsonString());
        (await PractitionerCalendars.JsonAsync(host, journey)).ShouldBe(liveCalendar);
        rebuilt.Audit.Take(live.Audit.Count).Select(e => e.ToJsonString()).ShouldBe(live.Audit.Select(e => e.ToJsonString()));
        await journey.Reception.PostOkAsync($"/api/sessions/{next}/cancel", new { reason = "Found by the rebuilt locator" }, System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rebuilt_timeline_replaces_entries_stored_under_their_event_ids_instead_of_repeating_them_and_drops_other_streams_entries()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var types = Journey.Types(await journey.HistoryAsync());
        // As a store written before only patients' events were entries holds a look's entry, under its access log's stream.
        var otherStream = Guid.NewGuid();
        await TestSql.ExecuteAsync($"""
            INSERT INTO {host.Schema}.mt_doc_timelinedocument (tenant_id, id, data, mt_version, mt_dotnet_type, mt_last_modified, patient_id)
            SELECT tenant_id, gen_random_uuid(), data, mt_version, mt_dotnet_type, mt_last_modified, '{otherStream}'
            FROM {host.Schema}.mt_doc_timelinedocument WHERE patient_id = '{journey.PatientId}' LIMIT 1
            """);
        // As a store written before entries were keyed in time order holds them.
        var rekeyed = await TestSql.RowsAsync($$"""
            UPDATE {{host.Schema}}.mt_doc_timelinedocument
            SET id = (data -> 'entry' ->> 'eventId')::uuid, data = jsonb_set(data, '{id}', data -> 'entry' -> 'eventId')
            WHERE patient_id = $1 RETURNING id
            """, reader => reader.GetGuid(0), journey.PatientId);

        var run = await CliRun.RunAsync(host, "projections", "rebuild", "--projection", "patient-timeline");

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        rekeyed.Count.ShouldBe(types.Count);
        Journey.Types(await journey.HistoryAsync()).ShouldBe(types);
        (await TestSql.CountAsync($"SELECT count(*) FROM {host.Schema}.mt_doc_timelinedocument WHERE patient_id = $1", otherStream)).ShouldBe(0);
    }

    [Fact]
    public async Task A_named_projection_is_rebuilt_alone_and_an_unknown_name_rebuilds_nothing()
    {
        await new Journey(host).RegisterPatientAsync();

        var one = await CliRun.RunAsync(host, "projections", "rebuild", "--projection", "audit-trail");
        var unknown = await CliRun.RunAsync(host, "projections", "rebuild", "--projection", "audit-trails");

        one.ExitCode.ShouldBe(0, one.Output + one.Errors);
        one.OutputLines.Where(line => line.StartsWith("Finished rebuilding ")).ShouldHaveSingleItem().ShouldStartWith("Finished rebuilding audit-trail in ");
        unknown.OutputLines.ShouldContain("No projections or databases match the selected filters");
        unknown.OutputLines.ShouldNotContain(line => line.StartsWith("Finished rebuilding "));
    }

    [Fact]
    public async Task Projections_list_shows_how_each_projection_runs()
    {
        var run = await CliRun.RunAsync(host, "projections", "list");

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        foreach (var projection in Projections)
            run.Output.ShouldContain(projection[..10]); // the table wraps longer names in its narrow columns
        run.Output.ShouldContain("Inline");
        run.Output.ShouldContain("Async");
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
