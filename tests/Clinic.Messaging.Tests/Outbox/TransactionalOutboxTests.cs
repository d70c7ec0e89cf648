using Clinic.Messaging.Commands;
using Clinic.Messaging.Tests.Sample;

namespace Clinic.Messaging.Tests.Outbox;

public class TransactionalOutboxTests
{
    [Fact]
    public async Task A_message_is_stored_with_the_events_of_its_command()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();

        await harness.Bus.InvokeAsync(new Increment(counter, 5, AlsoPublish: true), MessagingHarness.Context());

        (await harness.CounterVersionAsync(counter)).ShouldBe(1);
        (await harness.CountAsync("messages")).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_command_sends_nothing()
    {
        await using var harness = await MessagingHarness.CreateAsync();

        var result = await harness.Bus.InvokeAsync(new Increment(Guid.NewGuid(), 5, AlsoPublish: true, Refuse: true), MessagingHarness.Context());

        result.ShouldBeOfType<CommandResult.Rejected>();
        (await harness.CountAsync("messages")).ShouldBe(0);
    }

    [Fact]
    public async Task A_command_that_rolls_back_sends_nothing()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.ExecuteAsync("""
            CREATE FUNCTION {schema}.fail_on_events() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'storage failure'; END $$;
            CREATE TRIGGER fail_on_events AFTER INSERT ON {schema}.messages FOR EACH STATEMENT EXECUTE FUNCTION {schema}.fail_on_events();
            """);
        var counter = Guid.NewGuid();

        await Should.ThrowAsync<Npgsql.PostgresException>(() =>
            harness.Bus.InvokeAsync(new Increment(counter, 5, AlsoPublish: true), MessagingHarness.Context()));

        (await harness.CounterVersionAsync(counter)).ShouldBe(0, "the events rolled back with the message");
        (await harness.CountAsync("messages")).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_committed_before_a_crash_is_delivered_after_the_restart()
    {
        var schema = Clinic.Testing.TestDatabase.UniqueSchema();
        var counter = Guid.NewGuid();
        await using (var crashed = await MessagingHarness.CreateAsync(schema: schema))
            await crashed.Bus.InvokeAsync(new Increment(counter, 1, AlsoPublish: true), MessagingHarness.Context());

        await using var restarted = await MessagingHarness.CreateAsync(schema: schema);
        (await restarted.CountAsync("messages")).ShouldBe(1, "the message outlived the process that committed it");
        await using var dispatcher = restarted.Dispatcher();
        await dispatcher.StartAsync();
        await WaitUntilAsync(async () => await restarted.CounterVersionAsync(counter) == 2);

        (await restarted.CountAsync("messages")).ShouldBe(0);
        (await restarted.CountAsync("inbox")).ShouldBe(1);
    }

    [Fact]
    public async Task A_message_claimed_by_a_dispatcher_that_died_is_delivered_by_another_after_its_lease()
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.Lease = TimeSpan.FromMilliseconds(300));
        var counter = Guid.NewGuid();
        await harness.Bus.InvokeAsync(new Increment(counter, 1, AlsoPublish: true), MessagingHarness.Context());
        await harness.ExecuteAsync("UPDATE {schema}.messages SET locked_until = now() + interval '300 milliseconds', attempts = 1");

        var survivor = harness.Dispatcher();
        (await survivor.DeliverDueAsync()).ShouldBe(0, "the dead dispatcher's lease still holds");
        await Task.Delay(400);
        (await survivor.DeliverDueAsync()).ShouldBe(1);

        (await harness.CounterVersionAsync(counter)).ShouldBe(2);
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, int timeoutMs = 15000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not become true in time.");
            await Task.Delay(25);
        }
    }
}
