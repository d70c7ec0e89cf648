using Clinic.EventStore.Projections;
using Clinic.EventStore.Streams;
using Clinic.EventStore.Tests.Sample;

namespace Clinic.EventStore.Tests.Projections;

public class InlineProjectionTests
{
    private const string Tenant = "clinic-a";

    [Fact]
    public async Task An_inline_projection_is_readable_as_soon_as_the_append_commits()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann", firstDeposit: 30);
        var session = store.OpenSession(Tenant);
        session.Events.Append(id, ExpectedVersion.Exactly(2), new Withdrawn(12), new Deposited(2));
        await session.SaveChangesAsync();

        (await store.QuerySession(Tenant).LoadAsync<LedgerBalance>(id)).ShouldBe(new LedgerBalance(id, "ann", 20, 3, 4));
    }

    [Fact]
    public async Task Documents_keyed_by_something_else_than_the_stream_are_projected_inline_and_rebuilt()
    {
        await using var store = await LedgerStore.CreateAsync(o =>
        {
            o.Documents.For<DepositReceipt>();
            o.Projections.Add(new DepositReceiptProjection(), ProjectionLifecycle.Inline);
        });
        var session = store.OpenSession(Tenant);
        var ledger = Guid.NewGuid();
        session.Events.StartStream(ledger, "ledger", new LedgerOpened("ann", "EUR"), new Deposited(5), new Deposited(7));
        var deposits = (await session.SaveChangesAsync()).Where(e => e.Data is Deposited).ToList();

        var receipts = await store.QuerySession(Tenant).LoadManyAsync<DepositReceipt>(deposits.Select(d => (object)d.Id));
        receipts.Values.OrderBy(r => r.Amount).ShouldBe([new DepositReceipt(deposits[0].Id, ledger, 5), new DepositReceipt(deposits[1].Id, ledger, 7)]);

        var vandal = store.OpenSession(Tenant);
        vandal.Delete<DepositReceipt>(deposits[0].Id);
        vandal.Store(new DepositReceipt(deposits[1].Id, ledger, 700));
        await vandal.SaveChangesAsync();
        await store.Rebuilder().RebuildAsync("deposit-receipts");

        (await store.QuerySession(Tenant).LoadManyAsync<DepositReceipt>(deposits.Select(d => (object)d.Id))).Values.Sum(r => r.Amount).ShouldBe(12);
    }

    [Fact]
    public async Task A_projection_that_is_not_derived_from_single_streams_cannot_run_inline()
    {
        var options = new StoreOptions { ConnectionString = "Host=unused" };

        Should.Throw<InvalidOperationException>(() => options.Projections.Add(new OwnerTotalsProjection(), ProjectionLifecycle.Inline))
            .Message.ShouldContain("cannot run inline");
    }
}
