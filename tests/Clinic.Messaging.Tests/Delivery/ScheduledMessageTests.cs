using Clinic.Messaging.Tests.Outbox;
using Clinic.Messaging.Tests.Sample;

namespace Clinic.Messaging.Tests.Delivery;

public class ScheduledMessageTests
{
    [Fact]
    public async Task A_scheduled_message_waits_for_its_time()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();
        await harness.ScheduleAsync(new PleaseIncrement(counter), DateTimeOffset.UtcNow.AddSeconds(1.5));
        await using var dispatcher = harness.Dispatcher();
        await dispatcher.StartAsync();

        await Task.Delay(500);
        (await harness.CounterVersionAsync(counter)).ShouldBe(0);
        await TransactionalOutboxTests.WaitUntilAsync(async () => await harness.CounterVersionAsync(counter) == 1);
    }

    [Fact]
    public async Task A_message_that_fell_due_while_the_host_was_down_fires_after_the_restart()
    {
        var schema = Clinic.Testing.TestDatabase.UniqueSchema();
        var counter = Guid.NewGuid();
        await using (var before = await MessagingHarness.CreateAsync(schema: schema))
            await before.ScheduleAsync(new PleaseIncrement(counter), DateTimeOffset.UtcNow.AddMilliseconds(300));
        await Task.Delay(600);

        await using var after = await MessagingHarness.CreateAsync(schema: schema);
        await using var dispatcher = after.Dispatcher();
        await dispatcher.StartAsync();

        await TransactionalOutboxTests.WaitUntilAsync(async () => await after.CounterVersionAsync(counter) == 1);
    }

    [Fact]
    public async Task Scheduling_again_under_a_key_moves_the_message_and_cancelling_drops_it()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var (moved, cancelled) = (Guid.NewGuid(), Guid.NewGuid());
        await harness.ScheduleAsync(new PleaseIncrement(moved), DateTimeOffset.UtcNow.AddDays(1), key: "reminder:1");
        await harness.ScheduleAsync(new PleaseIncrement(moved), DateTimeOffset.UtcNow, key: "reminder:1");
        await harness.ScheduleAsync(new PleaseIncrement(cancelled), DateTimeOffset.UtcNow, key: "reminder:2");
        await harness.CancelScheduledAsync("reminder:2");
        (await harness.CountAsync("messages")).ShouldBe(1);

        await harness.DrainAsync(harness.Dispatcher());

        (await harness.CounterVersionAsync(moved)).ShouldBe(1);
        (await harness.CounterVersionAsync(cancelled)).ShouldBe(0);
    }

    [Fact]
    public async Task A_handler_that_finds_its_message_too_early_gets_it_again_without_spending_attempts()
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.MaxAttempts = 1);
        harness.Alarms.EarlyDeliveries = 3;
        await harness.ScheduleAsync(new Alarm("wake-up"), DateTimeOffset.UtcNow);

        await harness.DrainAsync(harness.Dispatcher());

        harness.Alarms.Handled.ShouldBe(["wake-up"]);
        harness.Alarms.Attempts.ToArray().ShouldBe([1, 1, 1, 1], "each early delivery gave its attempt back");
        (await harness.CountAsync("dead_letters")).ShouldBe(0);
    }

    [Fact]
    public async Task A_rescheduled_message_waits_for_the_delay_its_handler_asked_for()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        harness.Alarms.EarlyDeliveries = 1;
        harness.Alarms.Delay = TimeSpan.FromHours(1);
        await harness.ScheduleAsync(new Alarm("later"), DateTimeOffset.UtcNow, key: "alarm:1");
        var dispatcher = harness.Dispatcher();

        (await dispatcher.DeliverDueAsync()).ShouldBe(1);
        (await dispatcher.DeliverDueAsync()).ShouldBe(0);

        (await harness.ScalarAsync<bool>("SELECT deliver_at BETWEEN now() + interval '59 minutes' AND now() + interval '61 minutes' FROM {schema}.messages"))
            .ShouldBeTrue();
        (await harness.ScalarAsync<int>("SELECT attempts FROM {schema}.messages")).ShouldBe(0);
        (await harness.ScalarAsync<string>("SELECT schedule_key FROM {schema}.messages")).ShouldBe("alarm:1");
        harness.Alarms.Handled.ShouldBeEmpty();
    }

    [Fact]
    public async Task Keys_are_per_tenant()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.ScheduleAsync(new PleaseIncrement(Guid.NewGuid()), DateTimeOffset.UtcNow.AddDays(1), "same-key", tenant: "tenant-a");
        await harness.ScheduleAsync(new PleaseIncrement(Guid.NewGuid()), DateTimeOffset.UtcNow.AddDays(1), "same-key", tenant: "tenant-b");

        (await harness.CountAsync("messages")).ShouldBe(2);
    }
}
