using Clinic.Messaging.Tests.Outbox;
using Clinic.Messaging.Tests.Sample;

namespace Clinic.Messaging.Tests.Delivery;

public class DeliveryTests
{
    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();
        await harness.Bus.InvokeAsync(new Increment(counter, 1, AlsoPublish: true), MessagingHarness.Context());
        await harness.ExecuteAsync("CREATE TABLE {schema}.copy AS SELECT * FROM {schema}.messages");
        var dispatcher = harness.Dispatcher();
        await harness.DrainAsync(dispatcher);

        await harness.ExecuteAsync("INSERT INTO {schema}.messages SELECT * FROM {schema}.copy");
        await harness.ExecuteAsync("UPDATE {schema}.messages SET attempts = 0, locked_until = NULL");
        await harness.DrainAsync(dispatcher);

        (await harness.CounterVersionAsync(counter)).ShouldBe(2, "one increment by the command, one by the message");
        (await harness.CountAsync("messages")).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_claimed_again_after_its_effect_was_recorded_is_completed_without_calling_its_handler()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        harness.Flaky.Failing = false;
        var id = await harness.ScheduleAsync(new Flaky("handled-before-a-crash"), DateTimeOffset.UtcNow);
        // A delivery that handled it and died before completing it: claimed once, its effect in the inbox.
        await harness.ExecuteAsync("UPDATE {schema}.messages SET attempts = 1");
        await harness.ExecuteAsync($"INSERT INTO {{schema}}.inbox (message_id) VALUES ('{id}')");

        await harness.DrainAsync(harness.Dispatcher());

        harness.Flaky.Attempts.ShouldBe(0);
        (await harness.CountAsync("messages")).ShouldBe(0);
    }

    [Fact]
    public async Task Two_deliveries_racing_on_one_message_apply_its_effect_once()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();
        await harness.Bus.InvokeAsync(new Increment(counter, 1), MessagingHarness.Context());
        var messageId = await harness.ScheduleAsync(new PleaseIncrement(counter), DateTimeOffset.UtcNow.AddDays(1));
        var context = new Messaging.Delivery.MessageContext(
            new Messaging.Delivery.ClaimedMessage(messageId, MessagingHarness.Tenant, "please-increment.v1", "{}", new Messaging.Outbox.MessageHeaders(null, null), 1, Guid.NewGuid()),
            harness.Bus);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => harness.PleaseIncrement.HandleAsync(new PleaseIncrement(counter), context, default))));

        (await harness.CounterVersionAsync(counter)).ShouldBe(2);
    }

    [Fact]
    public async Task A_handler_failing_every_attempt_is_dead_lettered_and_can_be_replayed()
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.MaxAttempts = 3);
        await harness.ScheduleAsync(new Flaky("invoice-7"), DateTimeOffset.UtcNow);
        var dispatcher = harness.Dispatcher();

        await harness.DrainAsync(dispatcher);

        harness.Flaky.Attempts.ShouldBe(3);
        var letter = (await harness.Messages.DeadLetters.ListAsync(MessagingHarness.Tenant)).Single();
        letter.Type.ShouldBe("flaky.v1");
        letter.Attempts.ShouldBe(3);
        letter.LastError.ShouldContain("downstream unavailable");
        (await harness.Messages.DeadLetters.ReplayAsync(letter.Id, "another-tenant")).ShouldBeFalse("a tenant only replays its own letters");

        harness.Flaky.Failing = false;
        (await harness.Messages.DeadLetters.ReplayAsync(letter.Id, MessagingHarness.Tenant)).ShouldBeTrue();
        await harness.DrainAsync(dispatcher);

        harness.Flaky.Handled.ShouldBe(["invoice-7"]);
        (await harness.Messages.DeadLetters.ListAsync(null)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_replayed_dead_letter_keeps_its_schedule_key_so_it_can_still_be_cancelled()
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.MaxAttempts = 1);
        await harness.ScheduleAsync(new Flaky("invoice-8"), DateTimeOffset.UtcNow.AddMilliseconds(-1), key: "invoice:8");
        await harness.DrainAsync(harness.Dispatcher());
        var letter = (await harness.Messages.DeadLetters.ListAsync(MessagingHarness.Tenant)).Single();
        letter.ScheduleKey.ShouldBe("invoice:8");

        (await harness.Messages.DeadLetters.ReplayAsync(letter.Id, MessagingHarness.Tenant)).ShouldBeTrue();
        (await harness.ScalarAsync<string>("SELECT schedule_key FROM {schema}.messages")).ShouldBe("invoice:8");
        await harness.CancelScheduledAsync("invoice:8");

        (await harness.CountAsync("messages")).ShouldBe(0);
    }

    [Fact]
    public async Task A_dead_letter_whose_key_a_newer_message_holds_is_not_replayed_over_it()
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.MaxAttempts = 1);
        await harness.ScheduleAsync(new Flaky("old"), DateTimeOffset.UtcNow, key: "invoice:9");
        await harness.DrainAsync(harness.Dispatcher());
        var letter = (await harness.Messages.DeadLetters.ListAsync(MessagingHarness.Tenant)).Single();
        var newer = await harness.ScheduleAsync(new Flaky("new"), DateTimeOffset.UtcNow.AddDays(1), key: "invoice:9");

        (await harness.Messages.DeadLetters.ReplayAsync(letter.Id, MessagingHarness.Tenant)).ShouldBeFalse();
        (await harness.Messages.DeadLetters.ReplayAllAsync(MessagingHarness.Tenant)).ShouldBe(0);

        (await harness.ScalarAsync<Guid>("SELECT id FROM {schema}.messages")).ShouldBe(newer);
        (await harness.CountAsync("dead_letters")).ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_later_with_back_off_not_at_once()
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.FirstRetryDelay = TimeSpan.FromSeconds(30));
        await harness.ScheduleAsync(new Flaky("x"), DateTimeOffset.UtcNow);
        var dispatcher = harness.Dispatcher();

        await dispatcher.DeliverDueAsync();
        (await dispatcher.DeliverDueAsync()).ShouldBe(0, "the retry waits for its back-off");

        harness.Flaky.Attempts.ShouldBe(1);
        (await harness.CountAsync("messages")).ShouldBe(1);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_never_deliver_a_message_twice()
    {
        var schema = Clinic.Testing.TestDatabase.UniqueSchema();
        await using var nodeA = await MessagingHarness.CreateAsync(o => o.BatchSize = 5, schema);
        await using var nodeB = await MessagingHarness.CreateAsync(o => o.BatchSize = 5, schema);
        var counters = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid()).ToList();
        foreach (var counter in counters)
            await nodeA.ScheduleAsync(new PleaseIncrement(counter), DateTimeOffset.UtcNow);

        await using var dispatcherA = nodeA.Dispatcher();
        await using var dispatcherB = nodeB.Dispatcher();
        await Task.WhenAll(dispatcherA.StartAsync(), dispatcherB.StartAsync());
        await TransactionalOutboxTests.WaitUntilAsync(async () => await nodeA.CountAsync("messages") == 0);

        var deliveries = nodeA.PleaseIncrement.Deliveries.Concat(nodeB.PleaseIncrement.Deliveries).ToList();
        deliveries.Count.ShouldBe(150);
        deliveries.ShouldAllBe(d => d.Value == 1);
        deliveries.Select(d => d.Key).Distinct().Count().ShouldBe(150);
        foreach (var counter in counters)
            (await nodeA.CounterVersionAsync(counter)).ShouldBe(1);
    }
}
