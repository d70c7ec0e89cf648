using System.Diagnostics;
using Clinic.Api.Tests.Support;
using Clinic.Api.Workflow;
using Clinic.Testing;
using Xunit.Abstractions;
using static Clinic.Api.Tests.Faults.ProcessWebhooks;

namespace Clinic.Api.Tests.Faults;

/// <summary>
/// Two API processes on one database, as two replicas run: commands go through both, each async projection runs on one
/// of them, and when that one is killed (SIGKILL) the other takes over its projections, its Wolverine leadership, its
/// unfinished messages and the timers that fall due, with nothing applied twice or left out.
/// </summary>
[Collection(FaultsCollection.Name), Trait(FaultsCollection.Category, FaultsCollection.Name)]
public class TwoNodeTests(ITestOutputHelper output)
{
    private const string ReminderSent = "session-reminder-sent.v1";
    private const string RecordViewed = "record-viewed.v1";

    /// <summary>How long the test waits for a takeover: far above what it takes with the timings below (docs/operations.md).</summary>
    private static readonly TimeSpan TakeoverPatience = TimeSpan.FromSeconds(90);

    /// <summary>The reminders are due long after the test ends, unless it makes them due.</summary>
    private static readonly TimeSpan ReminderDueIn = TimeSpan.FromHours(1);

    [Fact]
    public async Task The_survivor_of_two_nodes_takes_over_the_projections_and_messages_of_the_killed_one_applying_each_once()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        var clinic = TestClinic.Unique("two-nodes");
        var schema = TestDatabase.UniqueSchema();
        var (firstName, secondName) = ($"{schema}-first", $"{schema}-second");
        await using var first = await ApiProcess.StartAsync(await NodeSettingsAsync(schema, firstName, webhook));
        await WaitForAsync(async () => await ProjectionLocks.AllRunOnlyOnAsync(schema, firstName));
        var firstNode = await WaitForValueAsync(async () => (await NodeNumbersAsync(schema)).SingleOrDefault() is var node and > 0 ? node : null);
        (await WaitForValueAsync(() => LeaderNodeAsync(schema))).ShouldBe(firstNode, "the only node leads");
        await using var second = await ApiProcess.StartAsync(await NodeSettingsAsync(schema, secondName, webhook));
        var remindersDue = DateTimeOffset.UtcNow + ReminderDueIn;
        // One session booked through each node (which also generates each node's handler code before the load).
        Guid[] sessions =
        [
            await ProcessJourney.BookSessionAsync(first, clinic, remindersDue + FollowUps.ReminderLead),
            await ProcessJourney.BookSessionAsync(second, clinic, remindersDue + FollowUps.ReminderLead),
        ];

        var loads = new[] { WriteLoad.Start(first, clinic, clients: 3), WriteLoad.Start(second, clinic, clients: 3) };
        var sinceKill = new Stopwatch();
        TimeSpan projectionsTakenOver;
        Task<TimeSpan> leadershipTakenOver;
        try
        {
            await Task.WhenAll(loads.Select(load => load.WaitForMoreAcknowledgedAsync(40)));
            (await ProjectionLocks.HoldersAsync(schema)).Values.ShouldAllBe(holders => holders.SequenceEqual(new[] { firstName }),
                "each async projection runs on one node: the first, which took them all before the second started");
            // Deliveries held: the first node's notifications pile up on it, taken and unfinished, until it is killed.
            webhook.Hold();
            await WaitForAsync(async () => await MessagesOwnedByAsync(schema, firstNode) > 0);
            (await LeaderNodeAsync(schema)).ShouldBe(firstNode, "the node killed is Wolverine's leader, as it was before the second started");
            first.Kill();
            sinceKill.Start();
            leadershipTakenOver = WaitForAsync(async () => await LeaderNodeAsync(schema) is { } leader && leader != firstNode, sinceKill);
            webhook.Release();
            // The reminders fall due now: the survivor must fire them.
            foreach (var session in sessions)
                (await OutboxRows.MakeDueNowAsync(schema, "send-session-reminder.v1", session.ToString())).ShouldBe(1, "a reminder scheduled, not fired yet");
            projectionsTakenOver = await WaitForAsync(async () => await ProjectionLocks.AllRunOnlyOnAsync(schema, secondName), sinceKill);
            await loads[1].WaitForMoreAcknowledgedAsync(40);
        }
        finally
        {
            foreach (var load in loads)
                await load.DisposeAsync();
        }
        var messagesTakenOver = await WaitForAsync(async () => !(await NodeNumbersAsync(schema)).Contains(firstNode) && await MessagesOwnedByAsync(schema, firstNode) == 0, sinceKill);
        await WaitForAsync(async () => await UnfinishedMessagesAsync(schema) == 0);
        var remindersSent = await WaitForAsync(async () => (await RecordedAsync(schema, clinic)).Count(type => type == ReminderSent) >= sessions.Length, sinceKill);
        output.WriteLine($"After the kill: projections running on the survivor in {projectionsTakenOver.TotalSeconds:F1} s, "
                         + $"Wolverine's leadership taken in {(await leadershipTakenOver).TotalSeconds:F1} s, "
                         + $"the killed node dropped and its messages taken in {messagesTakenOver.TotalSeconds:F1} s, the reminders sent in {remindersSent.TotalSeconds:F1} s");

        foreach (var load in loads)
            load.WrongAnswers.ShouldBeEmpty();
        var registered = await KeptWrites.ShouldAllBeKeptAsync(second, clinic, [.. loads.SelectMany(load => load.Acknowledged)]);
        await ShouldHaveAuditedEveryEventOnceAsync(second, schema, clinic);
        (await RecordedAsync(schema, clinic)).Count(type => type == ReminderSent).ShouldBe(sessions.Length, "each timer fired once, on one node");
        foreach (var session in sessions)
            RemindersOf(webhook, session).Count().ShouldBe(1);
        var notified = webhook.Received.Where(notification => IsRegistrationAt(notification, clinic))
            .GroupBy(notification => notification["id"]!.GetValue<Guid>()).ToList();
        notified.Count.ShouldBe(registered.Count, "one notification, under one message id, per committed registration");
        notified.ShouldAllBe(copies => copies.Count() <= 2, "only a delivery the kill interrupted is repeated, once");
        webhook.Rejected.ShouldBe(0);
    }

    /// <summary>
    /// Each node's settings: one database schema, an application name of its own on its connections (to tell its locks
    /// apart), and a cluster that notices a dead node within seconds.
    /// </summary>
    private static async Task<string[]> NodeSettingsAsync(string schema, string applicationName, WebhookReceiver webhook) =>
    [
        $"--ConnectionStrings:Clinic={await TestDatabase.ConnectionStringAsync()};Application Name={applicationName}", $"--Clinic:Schema={schema}",
        "--Messaging:DurabilityMode=Balanced", "--Messaging:ScheduledPollInterval=00:00:00.200",
        "--Cluster:ProjectionTakeoverPolling=00:00:01", "--Cluster:NodeHeartbeatInterval=00:00:01", "--Cluster:StaleNodeTimeout=00:00:05",
        .. Subscriber(webhook, ["event", "session-reminder"], Registered),
    ];

    /// <summary>
    /// Every event of the clinic, found in mt_events once the writes have stopped, is in the audit trail once; its
    /// entries are numbered without a gap or a repeat (the audit trail's own views of itself are events too, and left out).
    /// </summary>
    private static async Task ShouldHaveAuditedEveryEventOnceAsync(ApiProcess api, string schema, string clinic)
    {
        var sequences = await EventSequencesAsync(schema, clinic);
        using var admin = api.Client("clinic-admin", clinic);
        var entries = await Eventually.WaitForAsync(async () =>
        {
            var found = await AuditTrail.EntriesAsync(admin);
            return found.Any(entry => entry["sequence"]!.GetValue<long>() >= sequences[^1]) ? found : null;
        });
        entries.Select(entry => entry["position"]!.GetValue<long>()).ShouldBe(Enumerable.Range(1, entries.Count).Select(position => (long)position));
        entries.Where(entry => entry["eventType"]!.GetValue<string>() != RecordViewed && entry["sequence"]!.GetValue<long>() <= sequences[^1])
            .Select(entry => entry["sequence"]!.GetValue<long>()).ShouldBe(sequences);
    }

    /// <summary>The sequence numbers of the clinic's events, its audit trail's views aside, in order.</summary>
    private static Task<IReadOnlyList<long>> EventSequencesAsync(string schema, string clinic) =>
        TestSql.RowsAsync($"SELECT seq_id FROM {schema}.mt_events WHERE tenant_id = $1 AND type <> $2 ORDER BY seq_id",
            reader => reader.GetInt64(0), clinic, RecordViewed);

    /// <summary>The types of the clinic's events, in order.</summary>
    private static Task<IReadOnlyList<string>> RecordedAsync(string schema, string clinic) =>
        TestSql.RowsAsync($"SELECT type FROM {schema}.mt_events WHERE tenant_id = $1 ORDER BY seq_id", reader => reader.GetString(0), clinic);

    /// <summary>Messages received on the durable local queues and not handled yet, scheduled ones aside.</summary>
    private static Task<long> UnfinishedMessagesAsync(string schema) =>
        TestSql.CountAsync($"SELECT count(*) FROM {schema}.wolverine_incoming_envelopes WHERE status = 'Incoming'");

    /// <summary>The numbers of the Wolverine nodes registered in the schema (a node killed stays until another drops it).</summary>
    private static Task<IReadOnlyList<int>> NodeNumbersAsync(string schema) =>
        TestSql.RowsAsync($"SELECT node_number FROM {schema}.wolverine_nodes", reader => reader.GetInt32(0));

    /// <summary>The number of the node Wolverine's leadership agent is assigned to, if one is.</summary>
    private static async Task<int?> LeaderNodeAsync(string schema) =>
        (await TestSql.RowsAsync($"""
            SELECT n.node_number FROM {schema}.wolverine_node_assignments a JOIN {schema}.wolverine_nodes n ON n.id = a.node_id
            WHERE a.id LIKE 'wolverine://leader%'
            """, reader => (int?)reader.GetInt32(0))).SingleOrDefault();

    /// <summary>Messages received and not handled yet that the node numbered <paramref name="node"/> has taken to handle.</summary>
    private static Task<long> MessagesOwnedByAsync(string schema, int node) =>
        TestSql.CountAsync($"SELECT count(*) FROM {schema}.wolverine_incoming_envelopes WHERE status = 'Incoming' AND owner_id = $1", node);

    private static async Task<int> WaitForValueAsync(Func<Task<int?>> probe) => (await Eventually.WaitForAsync(probe, TakeoverPatience)).GetValueOrDefault();

    private static Task WaitForAsync(Func<Task<bool>> condition) =>
        Eventually.WaitForAsync(async () => await condition() ? true : (bool?)null, TakeoverPatience);

    /// <summary>Waits for <paramref name="condition"/>, and returns how long after the kill it held.</summary>
    private static async Task<TimeSpan> WaitForAsync(Func<Task<bool>> condition, Stopwatch sinceKill)
    {
        await WaitForAsync(condition);
        return sinceKill.Elapsed;
    }
}
