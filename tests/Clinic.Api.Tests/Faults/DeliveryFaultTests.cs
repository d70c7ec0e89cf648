using Clinic.Api.Tests.Support;
using Clinic.Api.Workflow;
using Clinic.Testing;
using Xunit.Abstractions;
using static Clinic.Api.Tests.Faults.ProcessWebhooks;

namespace Clinic.Api.Tests.Faults;

/// <summary>
/// The API's process killed (SIGKILL) while Wolverine holds committed messages it has not delivered yet, then started
/// again on the same database: each message is delivered after the restart. Delivery is at least once: a message whose
/// delivery the kill interrupted may arrive twice, under the same message id, for the receiver to de-duplicate on.
/// </summary>
[Collection(FaultsCollection.Name), Trait(FaultsCollection.Category, FaultsCollection.Name)]
public class DeliveryFaultTests(ITestOutputHelper output)
{
    private const string NotificationType = "notification-due.v1";
    private const string ReminderType = "send-session-reminder.v1";

    [Fact]
    public async Task Every_committed_registration_is_notified_under_one_message_id_also_when_the_process_is_killed_between_commit_and_delivery()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        var clinic = TestClinic.Unique("delivered");
        var schema = TestDatabase.UniqueSchema();
        await using var api = await ApiProcess.StartAsync([.. await SoloSettingsAsync(schema), .. Subscriber(webhook, ["event"], Registered)]);

        var load = WriteLoad.Start(api, clinic, clients: 6);
        int deliveredBeforeKill;
        await using (load)
        {
            await load.WaitForMoreAcknowledgedAsync(60);
            // Killed while notifications are being delivered: some are, others are committed and waiting.
            await Eventually.WaitForAsync(() => webhook.Received.IsEmpty ? null : webhook);
            api.Kill();
            deliveredBeforeKill = webhook.Received.Count;
            (await OutboxRows.UnhandledAsync(schema, NotificationType)).ShouldBeGreaterThan(0, "the kill left committed notifications undelivered");
            await api.StartAsync();
            await load.WaitForMoreAcknowledgedAsync(30);
        }

        load.WrongAnswers.ShouldBeEmpty();
        var registered = await KeptWrites.ShouldAllBeKeptAsync(api, clinic, [.. load.Acknowledged]);
        await Eventually.WaitForAsync(async () => await OutboxRows.UnhandledAsync(schema, NotificationType) == 0 ? true : (bool?)null);
        var deliveries = webhook.Received.Select((notification, order) => (Notification: notification, BeforeKill: order < deliveredBeforeKill))
            .Where(delivery => IsRegistrationAt(delivery.Notification, clinic))
            .GroupBy(delivery => delivery.Notification["id"]!.GetValue<Guid>())
            .ToList();
        var duplicated = deliveries.Where(copies => copies.Count() > 1).ToList();
        output.WriteLine($"{load.Acknowledged.Count} registrations acknowledged, {registered.Count} committed, {deliveries.Count} notified "
                         + $"({deliveredBeforeKill} before the kill), {duplicated.Count} delivered more than once");

        deliveries.Count.ShouldBe(registered.Count, "one notification, under one message id, per committed registration");
        deliveries.ShouldAllBe(copies => copies.All(copy => copy.Notification["messageIdHeader"]!.GetValue<string>() == copies.Key.ToString()));
        duplicated.ShouldAllBe(copies => copies.Count() == 2 && copies.Count(copy => copy.BeforeKill) == 1,
            "only a delivery the kill interrupted is repeated, once, after the restart");
        webhook.Rejected.ShouldBe(0);
    }

    [Fact]
    public async Task A_session_reminder_due_while_the_process_is_down_is_sent_once_after_it_starts_again()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        var clinic = TestClinic.Unique("restarted");
        var schema = TestDatabase.UniqueSchema();
        await using var api = await ApiProcess.StartAsync([.. await SoloSettingsAsync(schema), .. Subscriber(webhook, ["session-reminder"])]);
        var startsAt = DateTimeOffset.UtcNow + FollowUps.ReminderLead + TimeSpan.FromSeconds(10);
        var session = await ProcessJourney.BookSessionAsync(api, clinic, startsAt);

        api.Kill();
        (await OutboxRows.ScheduledAsync(schema, ReminderType, session.ToString())).Count.ShouldBe(1, "the reminder had not fired before the kill");
        await api.StartAsync();

        var reminder = await Eventually.WaitForAsync(() => RemindersOf(webhook, session).FirstOrDefault());
        await Eventually.WaitForAsync(async () => await OutboxRows.UnhandledAsync(schema, ReminderType) + await OutboxRows.UnhandledAsync(schema, NotificationType) == 0
            ? true : (bool?)null);
        RemindersOf(webhook, session).Count().ShouldBe(1);
        reminder["clinic"]!.GetValue<string>().ShouldBe(clinic);
        using var practitioner = api.Client("practitioner", clinic);
        var patientId = reminder["data"]!["patientId"]!.GetValue<Guid>();
        Journey.Types(await practitioner.GetOkAsync($"/api/patients/{patientId}/history")).Count(type => type == "session-reminder-sent.v1").ShouldBe(1);
    }

    /// <summary>
    /// A database schema of the test's own, and a single node: Solo durability recovers the killed process's messages as it
    /// starts again (Balanced would first wait for a leader election), and due scheduled messages are looked for often.
    /// </summary>
    private static async Task<string[]> SoloSettingsAsync(string schema) =>
    [
        $"--ConnectionStrings:Clinic={await TestDatabase.ConnectionStringAsync()}", $"--Clinic:Schema={schema}",
        "--Messaging:DurabilityMode=Solo", "--Messaging:ScheduledPollInterval=00:00:00.200",
    ];
}
