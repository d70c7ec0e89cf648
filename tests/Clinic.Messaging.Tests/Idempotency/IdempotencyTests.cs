using Clinic.Messaging.Commands;
using Clinic.Messaging.Idempotency;
using Clinic.Messaging.Tests.Sample;

namespace Clinic.Messaging.Tests.Idempotency;

public class IdempotencyTests
{
    private static readonly Func<CommandResult, IdempotentReply> Reply = result =>
        new IdempotentReply(201, "/counters/1", $"{{\"by\":{((CommandResult.Accepted)result).Response}}}");

    [Fact]
    public async Task The_same_key_with_the_same_request_gets_the_first_reply_without_applying_again()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();
        var context = MessagingHarness.Context() with { Idempotency = new IdempotencyKey("key-1", "hash-a") };

        var first = await harness.Bus.InvokeAsync(new Increment(counter, 3), context, Reply);
        var second = await harness.Bus.InvokeAsync(new Increment(counter, 3), context with { CommandId = Guid.NewGuid() }, Reply);

        first.ShouldBeOfType<CommandResult.Accepted>();
        second.ShouldBe(new CommandResult.Replayed(new IdempotentReply(201, "/counters/1", "{\"by\":3}")));
        (await harness.CounterVersionAsync(counter)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();
        await harness.Bus.InvokeAsync(new Increment(counter, 3), MessagingHarness.Context() with { Idempotency = new("key-1", "hash-a") }, Reply);

        var reused = await harness.Bus.InvokeAsync(new Increment(counter, 4), MessagingHarness.Context() with { Idempotency = new("key-1", "hash-b") }, Reply);

        reused.ShouldBeOfType<CommandResult.Rejected>().Code.ShouldBe(CommandResult.IdempotencyKeyReused);
        (await harness.CounterVersionAsync(counter)).ShouldBe(1);
    }

    [Fact]
    public async Task Keys_belong_to_one_tenant_and_expire()
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.IdempotencyRetention = TimeSpan.FromMilliseconds(300));
        var counter = Guid.NewGuid();
        var key = new IdempotencyKey("key-1", "hash-a");
        await harness.Bus.InvokeAsync(new Increment(counter, 1), MessagingHarness.Context() with { Idempotency = key }, Reply);

        (await harness.Bus.InvokeAsync(new Increment(Guid.NewGuid(), 1), MessagingHarness.Context("tenant-b") with { Idempotency = key }, Reply))
            .ShouldBeOfType<CommandResult.Accepted>("another tenant's key is another key");
        await Task.Delay(400);
        (await harness.Bus.InvokeAsync(new Increment(counter, 1), MessagingHarness.Context() with { Idempotency = key }, Reply))
            .ShouldBeOfType<CommandResult.Accepted>("an expired key is free again");
        (await harness.CounterVersionAsync(counter)).ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_calls_with_one_key_apply_the_command_once_and_all_get_its_reply()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var counter = Guid.NewGuid();
        var context = MessagingHarness.Context() with { Idempotency = new IdempotencyKey("key-1", "hash-a") };

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => harness.Bus.InvokeAsync(new Increment(counter, 2), context with { CommandId = Guid.NewGuid() }, Reply))));

        results.Count(r => r is CommandResult.Accepted).ShouldBe(1);
        results.OfType<CommandResult.Replayed>().ShouldAllBe(r => r.Reply.Body == "{\"by\":2}");
        (await harness.CounterVersionAsync(counter)).ShouldBe(1);
    }
}
