using Clinic.Messaging.Commands;
using Clinic.Messaging.Tests.Sample;

namespace Clinic.Messaging.Tests.Commands;

public class CommandBusTests
{
    [Fact]
    public async Task Concurrent_commands_on_one_stream_are_decided_again_on_fresh_state_instead_of_failing()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();
        await harness.Bus.InvokeAsync(new Increment(counter, 1), MessagingHarness.Context());

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => harness.Bus.InvokeAsync(new Increment(counter, 1), MessagingHarness.Context()))));

        results.ShouldAllBe(r => r is CommandResult.Accepted);
        (await harness.CounterVersionAsync(counter)).ShouldBe(4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task A_conflict_that_outlasts_the_retries_becomes_a_concurrency_conflict_rejection(int retries)
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();
        await harness.Bus.InvokeAsync(new Increment(counter, 1), MessagingHarness.Context());
        var colliding = new CollidingHandler(harness.Store);
        var bus = new CommandBus(harness.Store, harness.Messages, new HandlerRegistry().Add(colliding), new CommandBusOptions { ConcurrencyRetries = retries });

        var result = await bus.InvokeAsync(new Collide(counter), MessagingHarness.Context());

        result.ShouldBeOfType<CommandResult.Rejected>().Code.ShouldBe(CommandResult.ConcurrencyConflict);
        colliding.Attempts.ShouldBe(retries + 1, "decided once, then once per retry, then given up");
        (await harness.CounterVersionAsync(counter)).ShouldBe(1 + retries + 1, "only the other writer's appends committed");
    }

    [Fact]
    public async Task Events_record_the_actor_correlation_and_the_command_as_their_cause()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();
        var context = MessagingHarness.Context();

        await harness.Bus.InvokeAsync(new Increment(counter, 1), context);

        var recorded = (await harness.CounterEventsAsync(counter)).Single();
        EventHeaders.Of(recorded, EventHeaders.ActorId).ShouldBe("user-1");
        EventHeaders.Of(recorded, EventHeaders.ActorRole).ShouldBe("clerk");
        recorded.CorrelationId.ShouldBe("correlation-1");
        recorded.CausationId.ShouldBe(context.CommandId.ToString());
    }
}
