using System.Text;
using Clinic.Api.Auth;
using Clinic.Api.Tests.Support;
using Clinic.Api.Workflow;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using JasperFx.Events;
using Marten;

namespace Clinic.Api.Tests.Demo;

/// <summary>The group mode of <c>seed-demo</c>, run on a host's database: what it wrote is read back beneath and through the API.</summary>
public class SeedGroupTests(SeededGroup group) : IClassFixture<SeededGroup>
{
    private ApiHost Host => group.Host;

    private async Task<IReadOnlyList<IEvent>> EventsAsync(string clinic)
    {
        await using var session = Host.Store().QuerySession(clinic);
        return await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
    }

    private static int Count(IEnumerable<IEvent> events, string type) => events.Count(e => e.EventTypeName == type);

    [Fact]
    public void The_seed_succeeds_and_reports_what_it_wrote()
    {
        group.Run.ExitCode.ShouldBe(0, group.Run.Output + group.Run.Errors);
        group.Run.OutputLines.ShouldContain(line => line.StartsWith("Seeded clinic-01..clinic-02: ") && line.Contains("30/30 patients"));
    }

    [Theory]
    [InlineData("clinic-01")]
    [InlineData("clinic-02")]
    public async Task Every_stream_folds_through_the_deciders_with_rising_timestamps_and_the_handlers_metadata(string clinic)
    {
        var events = await EventsAsync(clinic);

        Count(events, "patient-registered.v1").ShouldBe(SeededGroup.PatientsPerClinic);
        Count(events, "practitioner-registered.v1").ShouldBe(8);
        Count(events, "clinic-policy-set.v1").ShouldBe(1);
        Count(events, "session-performed.v1").ShouldBeGreaterThan(SeededGroup.PatientsPerClinic);
        Count(events, "record-viewed.v1").ShouldBeGreaterThan(0);
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var ordered = stream.OrderBy(e => e.Version).ToList();
            ordered.Zip(ordered.Skip(1)).ShouldAllBe(pair => pair.First.Timestamp < pair.Second.Timestamp);
            if (ordered[0].Data is PatientRegistered)
                ordered.Select(e => (IDomainEvent)e.Data).Aggregate(PatientDecider.Initial, PatientDecider.Evolve).IsRegistered.ShouldBeTrue();
            if (ordered[0].Data is PractitionerRegistered)
                ordered.Select(e => (IDomainEvent)e.Data).Aggregate(PractitionerDecider.Initial, PractitionerDecider.Evolve).IsRegistered.ShouldBeTrue();
        }
        events.ShouldAllBe(e => e.Timestamp < DateTimeOffset.UtcNow && e.CorrelationId != null && e.CausationId != null
                                && e.Headers!.ContainsKey("actor-id") && e.Headers.ContainsKey("actor-role"));
        events.Where(e => e.EventTypeName.EndsWith("-corrected.v1")).ShouldAllBe(e => e.Headers!.ContainsKey("reason"));
    }

    [Fact]
    public async Task Events_keep_the_times_of_the_years_they_tell_and_timers_due_before_now_fired_as_the_messaging_system()
    {
        var events = await EventsAsync("clinic-01");

        events.Min(e => e.Timestamp).ShouldBeLessThan(DateTimeOffset.UtcNow.AddYears(-4), "five years of history, stored with their own times");
        var fired = events.Where(e => e.EventTypeName is "session-reminder-sent.v1" or "allergy-reading-fell-due.v1").ToList();
        fired.Select(e => e.EventTypeName).Distinct().Count().ShouldBe(2);
        fired.ShouldAllBe(e => $"{e.Headers!["actor-id"]}" == "system:messaging" && $"{e.Headers["actor-role"]}" == "system");
        foreach (var reminder in fired.Select(e => e.Data).OfType<SessionReminderSent>())
            reminder.SentAt.ShouldBeLessThan(reminder.SessionStartsAt);
    }

    [Fact]
    public async Task Every_session_reminder_still_to_come_is_left_scheduled_by_the_outbox_of_the_transaction_that_wrote_its_patient()
    {
        await using var recent = new ApiHost();
        await recent.InitializeAsync();
        var run = await CliRun.RunAsync(recent, "seed-demo", "--clinics", "1", "--patients-per-clinic", "40", "--years", "1", "--batch", "1");
        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        run.OutputLines.ShouldNotContain(line => line.StartsWith("warn:"), "each transaction's outbox sends what it holds once");
        var remindLater = DateTimeOffset.UtcNow.AddMinutes(10);
        await using var session = recent.Store().QuerySession("clinic-01");
        var events = await session.Events.QueryAllRawEvents().ToListAsync();

        var sessionsToRemind = events.GroupBy(e => e.StreamId)
            .Select(stream => stream.OrderBy(e => e.Version).Select(e => e.Data).ToList())
            .Where(stream => stream[0] is PatientRegistered)
            .SelectMany(stream => stream.Cast<IDomainEvent>().Aggregate(PatientDecider.Initial, PatientDecider.Evolve).Sessions)
            .Where(booked => booked.Status == SessionStatus.Scheduled && booked.StartsAt - FollowUps.ReminderLead > remindLater)
            .Select(booked => booked.SessionId).ToList();
        var scheduledReminders = await TestSql.RowsAsync(
            $"SELECT body FROM {recent.Schema}.wolverine_incoming_envelopes WHERE status = 'Scheduled' AND message_type = 'send-session-reminder.v1'",
            reader => Encoding.UTF8.GetString((byte[])reader[0]));

        sessionsToRemind.ShouldNotBeEmpty("a year's history leaves sessions booked in the weeks to come");
        sessionsToRemind.ShouldAllBe(sessionId => scheduledReminders.Any(envelope => envelope.Contains(sessionId.ToString())));
    }

    [Fact]
    public async Task A_generated_patients_history_opens_her_sealed_details_and_her_stored_events_hold_none_in_clear()
    {
        var registered = (await EventsAsync("clinic-01")).Select(e => e.Data).OfType<PatientRegistered>().First();
        var clinician = Host.Client(ClinicRoles.Clinician, "clinic-01");

        var history = await clinician.GetOkAsync($"/api/patients/{registered.PatientId}/history");

        history["identity"]!["phone"]!.GetValue<string>().ShouldBe(registered.Details.Phone);
        history["timeline"]!.AsArray().Count.ShouldBeGreaterThan(0);
        (await StoredText.TablesHoldingAsync(Host.Schema, registered.Details.Phone!)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_chain_verifies()
    {
        foreach (var clinic in new[] { "clinic-01", "clinic-02" })
        {
            var run = await CliRun.RunAsync(Host, "verify", "--clinic", clinic);
            run.ExitCode.ShouldBe(0, run.Output + run.Errors);
            run.Output.ShouldContain("\"verified\":true");
        }
    }

    [Fact]
    public async Task The_dashboard_counts_what_the_events_record()
    {
        var events = await EventsAsync("clinic-02");
        var admin = Host.Client(ClinicRoles.ClinicAdmin, "clinic-02");

        var counts = (await admin.GetOkAsync("/api/dashboard"))["counts"]!;

        counts["patients"]!.GetValue<int>().ShouldBe(Count(events, "patient-registered.v1"));
        counts["performedSessions"]!["byPractitioner"]!.AsObject().Sum(p => p.Value!.GetValue<int>()).ShouldBe(Count(events, "session-performed.v1"));
        counts["regulatorNotifications"]!.GetValue<int>().ShouldBe(Count(events, "regulator-notified.v1"));
        counts["screeningOutcomes"]!.AsObject().Sum(o => o.Value!.GetValue<int>()).ShouldBe(Count(events, "patient-screened.v1"));
    }

    [Fact]
    public async Task A_group_with_a_clinic_that_has_data_is_refused_and_nothing_is_written()
    {
        var before = await Host.EventCountAsync();

        var run = await CliRun.RunAsync(Host, "seed-demo", "--clinics", "3", "--patients-per-clinic", "2");

        run.ExitCode.ShouldNotBe(0);
        run.Errors.ShouldContain("Clinics clinic-01, clinic-02 already have data");
        (await Host.EventCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("--batch", "0", "--batch must be at least 1, not 0.")]
    [InlineData("--writers", "-1", "--writers must be at least 1, not -1.")]
    [InlineData("--years", "0", "--years must be at least 1, not 0.")]
    [InlineData("--clinic", "elsewhere", "--clinic names one clinic and --clinics a group of them")]
    public async Task A_group_flag_out_of_range_is_refused_before_anything_is_written(string flag, string value, string refusal)
    {
        var before = await Host.EventCountAsync();

        var run = await CliRun.RunAsync(Host, "seed-demo", "--clinics", "5", "--patients-per-clinic", "2", flag, value);

        run.ExitCode.ShouldNotBe(0);
        run.Errors.ShouldContain(refusal);
        (await Host.EventCountAsync()).ShouldBe(before);
    }
}
