using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Notifications;
using Clinic.Api.Tests.Privacy;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Messaging;

public class WorkflowTests(MessagingApiHost host) : IClassFixture<MessagingApiHost>
{
    [Fact]
    public async Task A_session_less_than_a_day_away_is_reminded_at_once_with_a_signed_notification_and_recorded()
    {
        var journey = await new Support.Journey(host, "clinic-reminders").ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(DateTimeOffset.UtcNow.AddHours(23).AddMinutes(30));

        var notification = await Eventually.WaitForAsync(() => host.Webhook.OfKind("session-reminder")
            .FirstOrDefault(n => n["data"]!["sessionId"]!.GetValue<Guid>() == session));

        notification["clinic"]!.GetValue<string>().ShouldBe("clinic-reminders");
        notification["data"]!["contact"]!["phone"]!.GetValue<string>().ShouldBe("+33 6 00 00 00 00");
        notification["messageIdHeader"]!.GetValue<string>().ShouldBe(notification["id"]!.GetValue<string>());
        // Only deliveries whose signature and timestamp the receiver checked are received; not the receiver's global
        // count of refusals, which a delivery of another test may raise while that test has moved the host's clock.
        host.Webhook.Signed.ShouldContain(delivery => delivery.Body.Contains(session.ToString()), "the reminder came signed");
        await Eventually.WaitForAsync(async () => (await TimelineAsync(journey)).Contains("session-reminder-sent.v1") ? true : (bool?)null);
    }

    [Fact]
    public async Task A_webhook_is_signed_over_its_timestamp_and_body_so_a_receiver_detects_any_change_to_either()
    {
        var journey = await new Support.Journey(host, "clinic-signatures").ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(DateTimeOffset.UtcNow.AddHours(23).AddMinutes(45));
        var delivery = await Eventually.WaitForAsync(() => host.Webhook.Signed.FirstOrDefault(d => d.Body.Contains(session.ToString())));

        WebhookSignature.IsValid(WebhookReceiver.Secret, delivery.Timestamp, delivery.Body, delivery.Signature).ShouldBeTrue();
        DateTimeOffset.FromUnixTimeSeconds(delivery.Timestamp).ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        WebhookSignature.IsValid(WebhookReceiver.Secret, delivery.Timestamp + 600, delivery.Body, delivery.Signature)
            .ShouldBeFalse("an old delivery replayed under a fresh timestamp");
        WebhookSignature.IsValid(WebhookReceiver.Secret, delivery.Timestamp, delivery.Body.Replace("clinic-signatures", "clinic-elsewhere"), delivery.Signature)
            .ShouldBeFalse("a changed body");
        WebhookSignature.IsValid("another-secret-0123456789abcdef", delivery.Timestamp, delivery.Body, delivery.Signature)
            .ShouldBeFalse("signed with another secret");
    }

    [Fact]
    public async Task Event_notifications_for_dashboards_carry_no_patient_id_name_or_health_details()
    {
        var journey = await new Support.Journey(host, "clinic-event-privacy").ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Support.Journey.Slot(3));
        var reportedAt = Support.Journey.Slot(4).AddHours(3);
        Guid sideEffect;
        using (journey.ClockAt(reportedAt))
            sideEffect = await journey.Practitioner.CreateAsync($"{journey.PatientPath}/side-effects",
                Support.Journey.SideEffect(session, serious: false, Support.Journey.Slot(4)));

        var notice = await Eventually.WaitForAsync(() => host.Webhook.OfKind("event").FirstOrDefault(n => n["clinic"]!.GetValue<string>() == "clinic-event-privacy"));

        notice["data"]!.AsObject().Select(field => field.Key).ShouldBe(["eventType"]);
        notice["data"]!["eventType"]!.GetValue<string>().ShouldBe("side-effect-reported.v1");
        notice["occurredAt"]!.GetValue<DateTimeOffset>().ShouldBeInRange(reportedAt, reportedAt.AddMinutes(1), "the API's clock when it was reported");
        var json = notice.ToJsonString();
        foreach (var personal in new[] { journey.PatientId.ToString(), session.ToString(), sideEffect.ToString(), "Maria", "Lopez", "bruise", "mild" })
            json.ShouldNotContain(personal, Case.Insensitive);
    }

    [Fact]
    public async Task A_refused_command_sends_nothing_and_an_accepted_one_its_notification_once()
    {
        var journey = await new Support.Journey(host, "clinic-refused-sends-nothing").ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Support.Journey.Slot(3));
        using (journey.AfterSideEffect(Support.Journey.Slot(4)))
        {
            await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/side-effects",
                Support.Journey.SideEffect(Guid.NewGuid(), serious: false, Support.Journey.Slot(4)), HttpStatusCode.NotFound, "session-not-found");
            await journey.Practitioner.CreateAsync($"{journey.PatientPath}/side-effects", Support.Journey.SideEffect(session, serious: false, Support.Journey.Slot(4)));
        }

        await Eventually.WaitForAsync(() => host.Webhook.OfKind("event").FirstOrDefault(n => n["clinic"]!.GetValue<string>() == journey.Clinic));
        await host.WaitForProjectionsAsync();
        host.Webhook.OfKind("event").Count(n => n["clinic"]!.GetValue<string>() == journey.Clinic).ShouldBe(1, "the refused report sent nothing");
    }

    [Fact]
    public async Task A_command_decided_again_after_a_conflict_sends_the_messages_of_its_committed_attempt_only()
    {
        var journey = await new Support.Journey(host, "clinic-conflict-sends-once").ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Support.Journey.Slot(3));
        await using var other = await WriterInTheWay.AppendAsync(host, journey.Clinic, journey.PatientId);

        HttpResponseMessage response;
        using (journey.AfterSideEffect(Support.Journey.Slot(4)))
        {
            var report = journey.Practitioner.PostAsJsonAsync($"{journey.PatientPath}/side-effects",
                Support.Journey.SideEffect(session, serious: false, Support.Journey.Slot(4)), HttpJson.Options);
            await other.WaitUntilSomeoneWaitsAsync();
            await other.CommitAsync();
            response = await report;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await Eventually.WaitForAsync(() => host.Webhook.OfKind("event").FirstOrDefault(n => n["clinic"]!.GetValue<string>() == journey.Clinic));
        await journey.ReportSideEffectAsync(session, serious: false, onsetAt: Support.Journey.Slot(5));
        await Eventually.WaitForAsync(() => host.Webhook.OfKind("event").Where(n => n["clinic"]!.GetValue<string>() == journey.Clinic).Skip(1).FirstOrDefault());
        host.Webhook.OfKind("event").Count(n => n["clinic"]!.GetValue<string>() == journey.Clinic)
            .ShouldBe(2, "one notification per side effect recorded, none from the attempt that conflicted");
    }

    [Fact]
    public async Task A_rescheduled_session_is_reminded_of_its_new_start_only_and_a_cancelled_one_not_at_all()
    {
        var journey = await new Support.Journey(host, "clinic-reminder-moves").ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Support.Journey.Slot(10));
        (await RemindersDueAsync(session)).ShouldBe([Support.Journey.Slot(10).AddDays(-1)]);

        await journey.Reception.PostOkAsync($"/api/sessions/{session}/reschedule", new { startsAt = Support.Journey.Slot(12), reason = "Asked" }, HttpStatusCode.OK);
        (await RemindersDueAsync(session)).ShouldContain(Support.Journey.Slot(12).AddDays(-1));
        await OutboxRows.FireNowAsync(host, ReminderType, session.ToString(), Support.Journey.Slot(10).AddDays(-1));
        (await TimelineAsync(journey)).ShouldNotContain("session-reminder-sent.v1", "the reminder of the old start is stale");

        await journey.Reception.PostOkAsync($"/api/sessions/{session}/cancel", new { reason = "Unwell" }, HttpStatusCode.OK);
        await OutboxRows.FireNowAsync(host, ReminderType, session.ToString(), Support.Journey.Slot(12).AddDays(-1));
        (await TimelineAsync(journey)).ShouldNotContain("session-reminder-sent.v1", "a cancelled session is not reminded");
        host.Webhook.OfKind("session-reminder").ShouldNotContain(n => n["data"]!["sessionId"]!.GetValue<Guid>() == session);
        (await OutboxRows.DeadLettersAsync(host)).ShouldBe(0);
    }

    [Fact]
    public async Task An_overdue_serious_side_effect_report_is_escalated_on_the_record_the_dashboard_and_the_webhook()
    {
        var journey = await new Support.Journey(host, "clinic-overdue").ReadyForTreatmentAsync();
        var sideEffect = await journey.Practitioner.CreateAsync($"/api/patients/{journey.PatientId}/side-effects", new
        {
            kind = "infection", severity = "severe", serious = true, seriousness = new[] { "hospitalisation" },
            onsetAt = DateTimeOffset.UtcNow.AddDays(-20), awareAt = DateTimeOffset.UtcNow.AddDays(-16), description = "Abscess", reportedBy = "staff",
        });

        var escalation = await Eventually.WaitForAsync(() => host.Webhook.OfKind("side-effect-report-overdue")
            .FirstOrDefault(n => n["data"]!["sideEffectId"]!.GetValue<Guid>() == sideEffect));
        escalation["clinic"]!.GetValue<string>().ShouldBe("clinic-overdue");
        host.Webhook.OfKind("event").ShouldContain(n => n["data"]!["eventType"]!.GetValue<string>() == "side-effect-reported.v1"
            && n["clinic"]!.GetValue<string>() == "clinic-overdue", "dashboards subscribed to side-effect events hear of it");

        var history = await journey.Practitioner.GetOkAsync($"/api/patients/{journey.PatientId}/history");
        history["status"]!["openSideEffects"]![0]!["reportOverdue"]!.GetValue<bool>().ShouldBeTrue();
        history["timeline"]!.AsArray().ShouldContain(e => e!["type"]!.GetValue<string>() == "side-effect-report-overdue.v1");
        await host.WaitForProjectionsAsync();
        var dashboard = await host.Client("analyst", "clinic-overdue").GetOkAsync("/api/dashboard");
        var overdue = dashboard["counts"]!["overdueReports"]!.AsArray().Single()!;
        overdue["sideEffectId"]!.GetValue<Guid>().ShouldBe(sideEffect);
        overdue["foundReportedInErrorSince"]!.GetValue<bool>().ShouldBeFalse();
        dashboard["counts"]!["reportsDue"]!.AsArray().Single()!["sideEffectId"]!.GetValue<Guid>().ShouldBe(sideEffect, "overdue, still due");

        await journey.Clinician.PostOkAsync($"/api/patients/{journey.PatientId}/side-effects/{sideEffect}/review",
            new { decision = "reported-in-error", notes = "A sterile reaction, not an abscess" }, HttpStatusCode.OK);
        await host.WaitForProjectionsAsync();
        dashboard = await host.Client("analyst", "clinic-overdue").GetOkAsync("/api/dashboard");
        dashboard["counts"]!["overdueReports"]!.AsArray().Single()!["foundReportedInErrorSince"]!.GetValue<bool>().ShouldBeTrue();
        dashboard["counts"]!["reportsDue"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_regulator_notification_before_the_deadline_stops_the_reporting_clock()
    {
        var journey = await new Support.Journey(host, "clinic-notified").ReadyForTreatmentAsync();
        var sideEffect = await journey.Practitioner.CreateAsync($"/api/patients/{journey.PatientId}/side-effects", new
        {
            kind = "allergic-reaction", severity = "life-threatening", serious = true, seriousness = new[] { "life-threatening" },
            onsetAt = DateTimeOffset.UtcNow.AddHours(-5), description = "Anaphylaxis", reportedBy = "staff",
        });
        var deadline = (await DeadlinesAsync(sideEffect)).ShouldHaveSingleItem();

        await journey.Practitioner.PostOkAsync($"/api/patients/{journey.PatientId}/side-effects/{sideEffect}/regulator-notification",
            new { reference = "ANSM-2026-0042" }, HttpStatusCode.OK);

        await OutboxRows.FireNowAsync(host, DeadlineType, sideEffect.ToString(), deadline.DueAt);
        (await TimelineAsync(journey)).ShouldNotContain("side-effect-report-overdue.v1");
        await host.WaitForProjectionsAsync();
        var dashboard = await host.Client("analyst", "clinic-notified").GetOkAsync("/api/dashboard");
        dashboard["counts"]!["regulatorNotifications"]!.GetValue<int>().ShouldBe(1);
        dashboard["counts"]!["reportsDue"]!.AsArray().ShouldBeEmpty("the notification closed the report");
    }

    [Fact]
    public async Task A_clinician_finding_a_side_effect_reported_in_error_stops_the_reporting_clock()
    {
        var journey = await new Support.Journey(host, "clinic-reported-in-error").ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Support.Journey.Slot(3));
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: true, onsetAt: Support.Journey.Slot(4));
        var deadline = (await DeadlinesAsync(sideEffect)).ShouldHaveSingleItem();

        await journey.Clinician.PostOkAsync($"/api/patients/{journey.PatientId}/side-effects/{sideEffect}/review",
            new { decision = "reported-in-error", notes = "Reported for the wrong patient" }, HttpStatusCode.OK);

        await OutboxRows.FireNowAsync(host, DeadlineType, sideEffect.ToString(), deadline.DueAt);
        (await TimelineAsync(journey)).ShouldNotContain("side-effect-report-overdue.v1");
    }

    [Fact]
    public async Task An_allergy_test_left_unread_past_its_due_time_is_flagged_on_the_patients_status_until_it_is_read()
    {
        var journey = new Support.Journey(host, "clinic-allergy-due");
        var appliedAt = DateTimeOffset.UtcNow.AddDays(-2);
        await journey.ConsultedAsync(appliedAt);
        var testId = await journey.Practitioner.CreateAsync($"/api/patients/{journey.PatientId}/allergy-tests",
            new { substances = new[] { "lidocaine" }, appliedAt });

        await Eventually.WaitForAsync(async () => await ReadingOverdueAsync(journey) ? true : (bool?)null);
        await journey.Practitioner.PostOkAsync($"/api/patients/{journey.PatientId}/allergy-tests/{testId}/reading",
            new { readAt = DateTimeOffset.UtcNow, reaction = false, reactedSubstances = Array.Empty<string>() }, HttpStatusCode.OK);

        (await ReadingOverdueAsync(journey)).ShouldBeFalse("a read test is no longer overdue");
    }

    private static async Task<bool> ReadingOverdueAsync(Support.Journey journey) =>
        (await journey.HistoryAsync())["status"]!["allergy"]!["tests"]![0]!["readingOverdue"]!.GetValue<bool>();

    [Fact]
    public async Task A_notification_the_subscriber_keeps_refusing_is_dead_lettered_then_replayed_by_an_admin()
    {
        var journey = await new Support.Journey(host, "clinic-dead-letters").ReadyForTreatmentAsync();
        var admin = host.Client("clinic-admin", "clinic-dead-letters");
        host.Webhook.Failing = true;
        try
        {
            await journey.ScheduleAsync(DateTimeOffset.UtcNow.AddHours(23).AddMinutes(30));
            var letters = await Eventually.WaitForAsync(async () =>
            {
                var list = (await admin.GetOkAsync("/api/admin/dead-letters")).AsArray();
                return list.Count > 0 ? list : null;
            });
            var letter = letters.Single(l => l!["type"]!.GetValue<string>() == "notification-due.v1")!;
            letter["attempts"]!.GetValue<int>().ShouldBe(3);
            letter["lastError"]!.GetValue<string>().ShouldContain("503");
            (await host.Client("clinic-admin", "another-clinic").GetOkAsync("/api/admin/dead-letters")).AsArray().ShouldBeEmpty();
            (await StoredText.TablesHoldingAsync(host.Schema, SealedValues.PrefixOf(journey.PatientId)))
                .ShouldContain(row => row.StartsWith("wolverine_dead_letters: "), "the dead letter holds the patient's contact sealed");
            (await StoredText.TablesHoldingAsync(host.Schema, "+33 6 00 00 00 00")).ShouldBeEmpty("and nowhere in clear");

            host.Webhook.Failing = false;
            await admin.PostOkAsync($"/api/admin/dead-letters/{letter["id"]}/replay", new { }, HttpStatusCode.OK);

            var replayed = await Eventually.WaitForAsync(() => host.Webhook.OfKind("session-reminder").FirstOrDefault(n => n["clinic"]!.GetValue<string>() == "clinic-dead-letters"));
            replayed["data"]!["contact"]!["phone"]!.GetValue<string>().ShouldBe("+33 6 00 00 00 00", "opened when it is delivered");
            (await admin.GetOkAsync("/api/admin/dead-letters")).AsArray().ShouldBeEmpty();
        }
        finally
        {
            host.Webhook.Failing = false;
        }
    }

    private static async Task<List<string>> TimelineAsync(Support.Journey journey) =>
        (await journey.Practitioner.GetOkAsync($"/api/patients/{journey.PatientId}/history"))["timeline"]!.AsArray()
            .Select(e => e!["type"]!.GetValue<string>()).ToList();

    private const string ReminderType = "send-session-reminder.v1";
    private const string DeadlineType = "report-deadline-reached.v2";

    private async Task<IReadOnlyList<DateTimeOffset>> RemindersDueAsync(Guid sessionId) =>
        (await OutboxRows.ScheduledAsync(host, ReminderType, sessionId.ToString())).Select(timer => timer.DueAt).ToList();

    private Task<IReadOnlyList<OutboxRows.ScheduledMessage>> DeadlinesAsync(Guid sideEffectId) =>
        OutboxRows.ScheduledAsync(host, DeadlineType, sideEffectId.ToString());
}
