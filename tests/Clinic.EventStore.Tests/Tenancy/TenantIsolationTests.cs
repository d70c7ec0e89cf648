using Clinic.EventStore.Streams;
using Clinic.EventStore.Tests.Sample;

namespace Clinic.EventStore.Tests.Tenancy;

public class TenantIsolationTests
{
    [Fact]
    public async Task One_tenant_never_sees_another_tenants_streams()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, "clinic-a", "ann");
        var other = store.QuerySession("clinic-b").Events;

        (await other.FetchStreamAsync(id)).ShouldBeEmpty();
        (await other.FetchStreamStateAsync(id)).ShouldBeNull();
        (await other.AggregateStreamAsync(id, LedgerState.Initial, LedgerState.Evolve)).Version.ShouldBe(0);
    }

    [Fact]
    public async Task One_tenant_cannot_append_to_another_tenants_stream()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, "clinic-a", "ann");

        foreach (var expected in new[] { ExpectedVersion.Exactly(2), ExpectedVersion.New, ExpectedVersion.Any })
        {
            var intruder = store.OpenSession("clinic-b");
            intruder.Events.Append(id, expected, [new Deposited(1000)], expected == ExpectedVersion.Exactly(2) ? null : "ledger");
            await Should.ThrowAsync<ConcurrencyException>(() => intruder.SaveChangesAsync());
        }
        (await store.QuerySession("clinic-a").Events.FetchStreamAsync(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task One_tenant_never_sees_another_tenants_documents_even_with_the_same_id()
    {
        await using var store = await LedgerStore.CreateAsync(inlineBalance: false);
        var id = Guid.NewGuid();
        foreach (var (tenant, owner) in new[] { ("clinic-a", "ann"), ("clinic-b", "bob") })
        {
            var session = store.OpenSession(tenant);
            session.Store(new LedgerBalance(id, owner, 1, 1, 1));
            await session.SaveChangesAsync();
        }

        (await store.QuerySession("clinic-a").LoadAsync<LedgerBalance>(id))!.Owner.ShouldBe("ann");
        (await store.QuerySession("clinic-b").LoadAsync<LedgerBalance>(id))!.Owner.ShouldBe("bob");
        (await store.QuerySession("clinic-a").Query<LedgerBalance>().ToListAsync()).Select(b => b.Owner).ShouldBe(["ann"]);
        (await store.QuerySession("clinic-c").Query<LedgerBalance>().CountAsync()).ShouldBe(0);

        var delete = store.OpenSession("clinic-b");
        delete.Delete<LedgerBalance>(id);
        await delete.SaveChangesAsync();
        (await store.QuerySession("clinic-a").LoadAsync<LedgerBalance>(id)).ShouldNotBeNull();
    }
}
