using Clinic.Messaging.Tests.Outbox;
using Clinic.Messaging.Tests.Sample;

namespace Clinic.Messaging.Tests.Delivery;

public class PurgeTests
{
    [Fact]
    public async Task Expired_idempotency_keys_and_old_inbox_ids_are_purged_on_schedule_even_while_the_dispatcher_is_busy()
    {
        await using var harness = await MessagingHarness.CreateAsync(o => o.PurgeInterval = TimeSpan.FromMilliseconds(100));
        await harness.ScheduleAsync(new Gated("keeps the dispatcher busy"), DateTimeOffset.UtcNow);
        await using var dispatcher = harness.Dispatcher();
        await dispatcher.StartAsync();
        var busy = await harness.Gated.NextAsync();

        await harness.ExecuteAsync("""
            INSERT INTO {schema}.inbox (message_id, handled_at) VALUES
                ('00000000-0000-0000-0000-00000000000a', now() - interval '8 days'),
                ('00000000-0000-0000-0000-00000000000b', now() - interval '6 days');
            INSERT INTO {schema}.idempotency_keys (tenant_id, key, request_hash, status, body, expires_at) VALUES
                ('tenant-a', 'expired', 'h', 201, '{}', now() - interval '1 minute'),
                ('tenant-a', 'live', 'h', 201, '{}', now() + interval '1 hour');
            """);

        await TransactionalOutboxTests.WaitUntilAsync(async () =>
            await harness.CountAsync("inbox") == 1 && await harness.CountAsync("idempotency_keys") == 1);
        (await harness.ScalarAsync<Guid>("SELECT message_id FROM {schema}.inbox")).ShouldBe(Guid.Parse("00000000-0000-0000-0000-00000000000b"));
        (await harness.ScalarAsync<string>("SELECT key FROM {schema}.idempotency_keys")).ShouldBe("live");
        busy.Succeed();
    }
}
