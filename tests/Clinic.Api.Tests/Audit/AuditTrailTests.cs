using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Auth;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Audit;

/// <summary>The audit trail: every event of a clinic, numbered 1, 2, 3... in commit order, paged by position and filtered.</summary>
public class AuditTrailTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Pages_never_overlap_or_skip_and_positions_run_from_1_without_gaps()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.ScheduleAsync(Journey.Slot(3));
        await host.WaitForProjectionsAsync();

        var pages = await AuditTrail.PagesAsync(journey.Admin, limit: 2);

        var entries = AuditTrail.Entries(pages);
        entries.Count.ShouldBeGreaterThanOrEqualTo(9);
        Positions(entries).ShouldBe(Enumerable.Range(1, entries.Count).Select(p => (long)p));
        entries.Select(Id).Distinct().Count().ShouldBe(entries.Count);
        foreach (var page in pages.SkipLast(1))
        {
            page["entries"]!.AsArray().Count.ShouldBe(2);
            page["more"]!.GetValue<bool>().ShouldBeTrue();
            page["next"]!.GetValue<long>().ShouldBe(Positions(page["entries"]!.AsArray().Select(e => e!)).Last());
        }
        var whole = AuditTrail.Entries([await journey.Admin.GetOkAsync("/api/audit?limit=1000")]);
        whole.Take(entries.Count).Select(Id).ShouldBe(entries.Select(Id));
    }

    [Fact]
    public async Task Each_clinic_numbers_its_own_entries_from_1_even_when_writes_interleave()
    {
        var ours = new Journey(host);
        var theirs = new Journey(host);
        for (var i = 0; i < 3; i++)
        {
            await ours.RegisterPatientAsync();
            await theirs.RegisterPatientAsync();
        }
        await host.WaitForProjectionsAsync();

        foreach (var clinic in new[] { ours, theirs })
        {
            var entries = await AuditTrail.EntriesAsync(clinic.Admin, "&type=patient-registered.v1");
            Positions(entries).ShouldBe([1, 2, 3]);
        }
    }

    [Fact]
    public async Task The_last_page_says_there_is_no_more_even_when_it_is_exactly_full()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await journey.RegisterPatientAsync();
        await host.WaitForProjectionsAsync();
        const string registrations = "/api/audit?type=patient-registered.v1";

        var first = await journey.Admin.GetOkAsync($"{registrations}&limit=1");
        var second = await journey.Admin.GetOkAsync($"{registrations}&limit=1&after={first["next"]}");
        var beyond = await journey.Admin.GetOkAsync($"{registrations}&limit=1&after={second["next"]}");

        first["more"]!.GetValue<bool>().ShouldBeTrue();
        second["entries"]!.AsArray().Count.ShouldBe(1);
        second["more"]!.GetValue<bool>().ShouldBeFalse();
        beyond["entries"]!.AsArray().ShouldBeEmpty();
        beyond["next"]!.GetValue<long>().ShouldBe(second["next"]!.GetValue<long>());
        (await journey.Admin.GetOkAsync($"{registrations}&limit=2"))["more"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Filters_by_patient_actor_and_type_return_only_matching_entries()
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await first.AnotherPatient().PatientReadyAsync();
        var timeline = (await first.HistoryAsync())["timeline"]!.AsArray().Select(e => e!["eventId"]!.GetValue<Guid>()).ToList();
        await host.WaitForProjectionsAsync();

        var byPatient = await AuditTrail.EntriesAsync(first.Admin, $"&patientId={first.PatientId}");
        var byActor = await AuditTrail.EntriesAsync(first.Admin, "&actor=receptionist-user");
        var byType = await AuditTrail.EntriesAsync(first.Admin, "&type=patient-registered.v1");

        byPatient.ShouldAllBe(entry => entry["patientId"]!.GetValue<Guid>() == first.PatientId);
        byPatient.Where(entry => entry["streamType"]!.GetValue<string>() == "patient").Select(Id).ShouldBe(timeline);
        byActor.ShouldAllBe(entry => entry["actorId"]!.GetValue<string>() == "receptionist-user");
        AuditTrail.Types(byActor).ShouldBe(["patient-registered.v1", "patient-registered.v1"]);
        byType.Select(entry => entry["streamId"]!.GetValue<Guid>()).ShouldBe([first.PatientId, second.PatientId]);
    }

    [Theory]
    [InlineData("patient")]
    [InlineData("&actor=receptionist-user")]
    [InlineData("&type=patient-registered")]
    [InlineData("&type=record-viewed.v1")]
    public async Task Filtered_pages_of_one_entry_give_every_matching_entry_once_in_position_order(string filter)
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        await first.AnotherPatient().PatientReadyAsync();
        await first.HistoryAsync();
        await first.HistoryAsync();
        await host.WaitForProjectionsAsync();
        var filters = filter == "patient" ? $"&patientId={first.PatientId}" : filter;

        var pages = await AuditTrail.PagesAsync(first.Admin, limit: 1, filters);

        var paged = AuditTrail.Entries(pages);
        var whole = AuditTrail.Entries([await first.Admin.GetOkAsync($"/api/audit?limit=1000{filters}")]);
        paged.Count.ShouldBeGreaterThanOrEqualTo(2);
        paged.Select(Id).ShouldBe(whole.Take(paged.Count).Select(Id));
        paged.Select(Id).Distinct().Count().ShouldBe(paged.Count);
        Positions(paged).ShouldBe(Positions(paged).Order());
        pages.SkipLast(1).ShouldAllBe(page => page["entries"]!.AsArray().Count == 1 && page["more"]!.GetValue<bool>());
    }

    [Fact]
    public async Task From_and_to_split_the_trail_at_a_recording_time()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await host.WaitForProjectionsAsync();
        var all = await AuditTrail.EntriesAsync(journey.Admin);
        var middle = all[all.Count / 2]["recordedAt"]!.GetValue<DateTimeOffset>();

        var before = await AuditTrail.EntriesAsync(journey.Admin, $"&to={Query.Instant(middle)}");
        var since = await AuditTrail.EntriesAsync(journey.Admin, $"&from={Query.Instant(middle)}");

        before.Select(Id).ShouldBe(all.Where(e => RecordedAt(e) < middle).Select(Id));
        since.Select(Id).Take(all.Count(e => RecordedAt(e) >= middle)).ShouldBe(all.Where(e => RecordedAt(e) >= middle).Select(Id));
        before.ShouldNotBeEmpty();
        since.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_regulators_views_are_themselves_on_the_trail_as_record_viewed()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var regulator = journey.Client(ClinicRoles.Regulator);
        await regulator.GetOkAsync($"{journey.PatientPath}/history");
        await regulator.GetOkAsync(Query.Schedule(journey.PractitionerId, Journey.Slot(0), Journey.Slot(7)));
        await regulator.GetOkAsync("/api/audit?limit=1");
        await host.WaitForProjectionsAsync();

        var views = await AuditTrail.EntriesAsync(journey.Admin, "&type=record-viewed.v1&actor=regulator-user");

        views.Select(view => view["summary"]!.GetValue<string>()).ShouldBe(["Viewed patient-history", "Viewed practitioner-schedule", "Viewed audit-trail"]);
        views.ShouldAllBe(view => view["actorRole"]!.GetValue<string>() == ClinicRoles.Regulator && view["streamType"]!.GetValue<string>() == "access-log");
        views[0]["patientId"]!.GetValue<Guid>().ShouldBe(journey.PatientId);
        views[1]["patientId"].ShouldBeNull();
    }

    [Fact]
    public async Task A_look_at_the_trail_filtered_by_patient_is_a_view_of_her_and_an_unfiltered_one_of_nobody()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var regulator = journey.Client(ClinicRoles.Regulator, "trail-regulator");
        await regulator.GetOkAsync($"/api/audit?patientId={journey.PatientId}");
        await regulator.GetOkAsync("/api/audit");
        await host.WaitForProjectionsAsync();

        var viewsOfHer = await AuditTrail.EntriesAsync(journey.Admin, $"&patientId={journey.PatientId}&type=record-viewed&actor=trail-regulator");
        var looks = await AuditTrail.EntriesAsync(journey.Admin, "&type=record-viewed&actor=trail-regulator");

        viewsOfHer.Select(view => (view["summary"]!.GetValue<string>(), view["actorRole"]!.GetValue<string>()))
            .ShouldBe([("Viewed audit-trail", ClinicRoles.Regulator)]);
        looks.Select(view => view["patientId"]?.GetValue<Guid>()).ShouldBe([journey.PatientId, null]);
    }

    [Fact]
    public async Task Every_read_of_personal_data_is_recorded_and_reads_without_any_are_not()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.HistoryAsync();
        await journey.HistoryAsync(asOf: DateTimeOffset.UtcNow.ToString("O"));
        await journey.Admin.GetOkAsync("/api/admin/dead-letters");
        await journey.Admin.GetOkAsync("/api/dashboard");
        await journey.Admin.GetOkAsync("/api/clinic/policy");
        await host.WaitForProjectionsAsync();

        var practitioners = await AuditTrail.EntriesAsync(journey.Admin, $"&type=record-viewed&actor={Journey.PractitionerUserId}");
        var admins = await AuditTrail.EntriesAsync(journey.Admin, "&type=record-viewed&actor=clinic-admin-user");

        practitioners.Select(view => (view["summary"]!.GetValue<string>(), view["patientId"]!.GetValue<Guid>()))
            .ShouldBe(Enumerable.Repeat(("Viewed patient-history", journey.PatientId), 2));
        admins.Select(view => view["summary"]!.GetValue<string>()).ShouldBe(["Viewed dead-letters"]);
    }

    [Fact]
    public async Task A_look_for_a_patient_who_is_not_there_is_recorded_as_an_attempt_to_read_her_record()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var unknown = Guid.NewGuid();
        await journey.Practitioner.GetProblemAsync($"/api/patients/{unknown}/history", HttpStatusCode.NotFound, "patient-not-found");
        await host.WaitForProjectionsAsync();

        var views = await AuditTrail.EntriesAsync(journey.Admin, $"&patientId={unknown}&type=record-viewed");

        views.Select(view => (view["summary"]!.GetValue<string>(), view["actorId"]!.GetValue<string>()))
            .ShouldBe([("Viewed patient-history", Journey.PractitionerUserId)]);
    }

    [Fact]
    public async Task A_look_that_cannot_be_recorded_shows_nothing_of_the_record()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();

        var unrecorded = await UnrecordedAsync(journey.PatientId, () => journey.Practitioner.GetProblemAsync(
            $"{journey.PatientPath}/history", HttpStatusCode.InternalServerError, "internal-error"));

        unrecorded.ShouldNotContain("Lopez");
        unrecorded.ShouldNotContain("timeline");
        (await journey.HistoryAsync())["identity"]!["lastName"]!.GetValue<string>().ShouldBe("Lopez");
    }

    [Fact]
    public async Task A_schedule_look_is_a_view_of_each_patient_it_lists_once_and_of_nobody_when_it_lists_none()
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await first.AnotherPatient().PatientReadyAsync();
        await first.ScheduleAsync(Journey.Slot(3));
        await first.ScheduleAsync(Journey.Slot(10));
        await second.ScheduleAsync(Journey.Slot(4));
        await host.WaitForProjectionsAsync();
        var regulator = first.Client(ClinicRoles.Regulator, "schedule-regulator");

        var listed = await regulator.GetOkAsync(Query.Schedule(first.PractitionerId, Journey.Slot(0), Journey.Slot(14)));
        await regulator.GetOkAsync(Query.Schedule(first.PractitionerId, Journey.Slot(30), Journey.Slot(37)));
        await host.WaitForProjectionsAsync();

        listed["sessions"]!.AsArray().Select(s => s!["patientId"]!.GetValue<Guid>()).ShouldBe([first.PatientId, second.PatientId, first.PatientId]);
        foreach (var patientId in new[] { first.PatientId, second.PatientId })
        {
            var views = await AuditTrail.EntriesAsync(first.Admin, $"&patientId={patientId}&type=record-viewed&actor=schedule-regulator");
            views.Select(view => (view["summary"]!.GetValue<string>(), view["actorId"]!.GetValue<string>(), view["actorRole"]!.GetValue<string>()))
                .ShouldBe([("Viewed practitioner-schedule", "schedule-regulator", ClinicRoles.Regulator)]);
        }
        var looks = await AuditTrail.EntriesAsync(first.Admin, "&type=record-viewed&actor=schedule-regulator");
        looks.Select(view => view["patientId"]?.GetValue<Guid>()).ShouldBe([first.PatientId, second.PatientId, null]);
        looks.ShouldAllBe(view => view["summary"]!.GetValue<string>() == "Viewed practitioner-schedule");
    }

    [Fact]
    public async Task A_schedule_look_that_cannot_be_recorded_for_a_patient_it_lists_shows_nothing()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        await host.WaitForProjectionsAsync();
        var schedule = Query.Schedule(journey.PractitionerId, Journey.Slot(0), Journey.Slot(7));

        var unrecorded = await UnrecordedAsync(journey.PatientId, () => journey.Reception.GetProblemAsync(
            schedule, HttpStatusCode.InternalServerError, "internal-error"));

        unrecorded.ShouldNotContain(journey.PatientId.ToString());
        unrecorded.ShouldNotContain(session.ToString());
        (await journey.Reception.GetOkAsync(schedule))["sessions"]!.AsArray().Single()!["id"]!.GetValue<Guid>().ShouldBe(session);
    }

    [Fact]
    public async Task Who_looked_at_a_patient_is_asked_by_the_event_name_without_its_version()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.Client(ClinicRoles.Regulator).GetOkAsync($"{journey.PatientPath}/history");
        await journey.HistoryAsync();
        await host.WaitForProjectionsAsync();

        var views = await AuditTrail.EntriesAsync(journey.Admin, $"&patientId={journey.PatientId}&type=record-viewed");
        var versioned = await AuditTrail.EntriesAsync(journey.Admin, $"&patientId={journey.PatientId}&type=record-viewed.v1");
        var unknown = await AuditTrail.EntriesAsync(journey.Admin, $"&patientId={journey.PatientId}&type=record-view");

        AuditTrail.Types(views).ShouldAllBe(type => type == "record-viewed.v1");
        views.Select(view => view["actorRole"]!.GetValue<string>()).TakeLast(2).ShouldBe([ClinicRoles.Regulator, ClinicRoles.Practitioner]);
        versioned.Select(Id).ShouldBe(views.Select(Id));
        unknown.ShouldBeEmpty();
    }

    /// <summary>The answer to <paramref name="look"/> while the database refuses to record any view of <paramref name="patientId"/>.</summary>
    private async Task<string> UnrecordedAsync(Guid patientId, Func<Task<JsonNode>> look)
    {
        var refusal = $"{host.Schema}.refuse_views_of_{patientId:N}";
        await TestSql.ExecuteAsync($"""
            CREATE FUNCTION {refusal}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'not recorded'; END $$;
            CREATE TRIGGER refuse_views_of_{patientId:N} BEFORE INSERT ON {host.Schema}.mt_events FOR EACH ROW
                WHEN (NEW.type = 'record-viewed.v1' AND NEW.data ->> 'patientId' = '{patientId}') EXECUTE FUNCTION {refusal}();
            """);
        try
        {
            return (await look()).ToJsonString();
        }
        finally
        {
            await TestSql.ExecuteAsync($"DROP FUNCTION {refusal}() CASCADE");
        }
    }

    private static IEnumerable<long> Positions(IEnumerable<JsonNode> entries) => entries.Select(entry => entry["position"]!.GetValue<long>());

    private static Guid Id(JsonNode entry) => entry["id"]!.GetValue<Guid>();

    private static DateTimeOffset RecordedAt(JsonNode entry) => entry["recordedAt"]!.GetValue<DateTimeOffset>();
}
