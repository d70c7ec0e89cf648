using System.Text.Json.Nodes;
using Clinic.EventStore.Events;
using Clinic.EventStore.Tests.Sample;

namespace Clinic.EventStore.Tests.Streams;

public class UpcastingTests
{
    private const string Tenant = "clinic-a";

    // The first shape of a deposit: the amount in cents, under another name.
    private sealed record DepositMadeV0(long Cents);

    [Fact]
    public async Task Old_event_names_and_shapes_are_read_as_the_current_event()
    {
        var schema = Clinic.Testing.TestDatabase.UniqueSchema();
        var streamId = Guid.NewGuid();
        await using (var oldStore = await LedgerStore.CreateAsync(o => o.Events.Register<DepositMadeV0>("deposit-made"), schema))
        {
            var session = oldStore.OpenSession(Tenant, LedgerStore.ForOwner("ann"));
            session.Events.StartStream(streamId, "ledger", new LedgerOpened("ann", "EUR"), new DepositMadeV0(1250));
            await session.SaveChangesAsync();
        }

        await using var store = await LedgerStore.CreateAsync(
            o => o.Events.Upcast("deposit-made", "deposited.v1", old => new JsonObject { ["amount"] = old["cents"]!.GetValue<long>() / 100m }),
            schema);

        var events = await store.QuerySession(Tenant).Events.FetchStreamAsync(streamId);
        events[1].Data.ShouldBe(new Deposited(12.5m));
        events[1].EventType.ShouldBe("deposited.v1");
        var rebuilt = await store.QuerySession(Tenant).Events.AggregateStreamAsync(streamId, LedgerState.Initial, LedgerState.Evolve);
        rebuilt.State.Balance.ShouldBe(12.5m);
    }

    [Fact]
    public async Task The_daemon_feeds_upcast_events_to_projections()
    {
        var schema = Clinic.Testing.TestDatabase.UniqueSchema();
        await using (var oldStore = await LedgerStore.CreateAsync(o => o.Events.Register<DepositMadeV0>("deposit-made"), schema, asyncTotals: false))
        {
            var session = oldStore.OpenSession(Tenant, LedgerStore.ForOwner("bob"));
            session.Events.StartStream(Guid.NewGuid(), "ledger", new LedgerOpened("bob", "EUR"), new DepositMadeV0(700));
            await session.SaveChangesAsync();
        }
        await using var store = await LedgerStore.CreateAsync(
            o => o.Events.Upcast<DepositMadeV0, Deposited>("deposit-made", old => new Deposited(old.Cents / 100m), o.Json),
            schema);
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync();

        await daemon.WaitForNonStaleAsync(TimeSpan.FromSeconds(30));

        (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("bob"))!.Deposited.ShouldBe(7m);
    }

    [Fact]
    public void A_current_name_cannot_also_be_an_upcast_source()
    {
        var registry = new EventTypeRegistry().Register<Deposited>("deposited.v1");

        Should.Throw<InvalidOperationException>(() => registry.Upcast("deposited.v1", "other", o => o));
    }
}
