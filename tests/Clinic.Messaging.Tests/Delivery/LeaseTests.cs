using Clinic.Messaging.Tests.Sample;

namespace Clinic.Messaging.Tests.Delivery;

/// <summary>A claim owns its messages only while its lease holds, and keeps the lease while its batch runs.</summary>
public class LeaseTests
{
    [Fact]
    public async Task A_dispatcher_whose_lease_ran_out_cannot_complete_a_message_another_has_claimed_since()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.ScheduleAsync(new Gated("g"), DateTimeOffset.UtcNow);
        var (late, other) = await ClaimTwiceAsync(harness);

        late.Delivery.Succeed();
        await late.Batch;

        (await harness.CountAsync("messages")).ShouldBe(1, "the message belongs to the other dispatcher's claim now");
        other.Delivery.Succeed();
        await other.Batch;
        (await harness.CountAsync("messages")).ShouldBe(0);
    }

    [Theory]
    [InlineData(5)] // the late failure would retry the message later
    [InlineData(1)] // the late failure would dead-letter it
    public async Task A_dispatcher_whose_lease_ran_out_cannot_reset_or_dead_letter_a_message_another_has_claimed_since(int maxAttempts)
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.MaxAttempts = maxAttempts);
        await harness.ScheduleAsync(new Gated("g"), DateTimeOffset.UtcNow);
        var (late, other) = await ClaimTwiceAsync(harness);

        late.Delivery.Fail();
        await late.Batch;

        (await harness.ScalarAsync<bool>("SELECT locked_until > now() FROM {schema}.messages")).ShouldBeTrue("the other claim still holds it");
        (await harness.CountAsync("dead_letters")).ShouldBe(0);
        other.Delivery.Succeed();
        await other.Batch;
        (await harness.CountAsync("messages")).ShouldBe(0);
        (await harness.CountAsync("dead_letters")).ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_that_runs_longer_than_its_lease_keeps_it_so_no_other_dispatcher_delivers_its_messages()
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.Lease = TimeSpan.FromMilliseconds(600));
        await harness.ScheduleAsync(new Gated("slow"), DateTimeOffset.UtcNow);
        var batch = harness.Dispatcher().DeliverDueAsync();
        var delivery = await harness.Gated.NextAsync();

        await using (var other = harness.Dispatcher())
        {
            await other.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(2.5));
        }

        harness.Gated.Deliveries.ShouldBe(1, "four leases went by, renewed each time");
        delivery.Succeed();
        await batch;
        (await harness.CountAsync("messages")).ShouldBe(0);
    }

    /// <summary>One dispatcher claims the message and holds it in its handler past its lease; another claims it then.</summary>
    private static async Task<(Claim Late, Claim Other)> ClaimTwiceAsync(MessagingHarness harness)
    {
        var lateBatch = harness.Dispatcher().DeliverDueAsync();
        var lateDelivery = await harness.Gated.NextAsync();
        await harness.ExecuteAsync("UPDATE {schema}.messages SET locked_until = now() - interval '1 second'");
        var otherBatch = harness.Dispatcher().DeliverDueAsync();
        var otherDelivery = await harness.Gated.NextAsync();
        return (new Claim(lateBatch, lateDelivery), new Claim(otherBatch, otherDelivery));
    }

    private sealed record Claim(Task<int> Batch, GatedHandler.Delivery Delivery);
}
