using Clinic.EventStore.Projections;
using Clinic.EventStore.Streams;
using Clinic.EventStore.Tests.Sample;

namespace Clinic.EventStore.Tests.Projections;

public class InlineProjectionTests
{
    private const string Tenant = "clinic-a";

    /// <summary>Both ways an inline projection runs: after the append (it reads positions), or before it, in one round trip.</summary>
    public static TheoryData<bool> PositionUse => new() { true, false };

    [Theory]
    [MemberData(nameof(PositionUse))]
    public async Task An_inline_projection_is_readable_as_soon_as_the_append_commits(bool usesEventPositions)
    {
        await using var store = await LedgerStore.CreateAsync(balanceUsesEventPositions: usesEventPositions);
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann", firstDeposit: 30);
        var session = store.OpenSession(Tenant);
        session.Events.Append(id, ExpectedVersion.Exactly(2), new Withdrawn(12), new Deposited(2));
        await session.SaveChangesAsync();

        (await store.QuerySession(Tenant).LoadAsync<LedgerBalance>(id)).ShouldBe(new LedgerBalance(id, "ann", 20, 3, 4));
    }

    [Theory]
    [MemberData(nameof(PositionUse))]
    public async Task Of_two_writers_projecting_the_same_stream_from_the_same_version_one_commits_and_the_document_is_its_fold(bool usesEventPositions)
    {
        await using var store = await LedgerStore.CreateAsync(balanceUsesEventPositions: usesEventPositions);
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann", firstDeposit: 30);
        var writers = new[] { 5m, 7m }.Select(amount =>
        {
            var session = store.OpenSession(Tenant);
            session.Events.Append(id, ExpectedVersion.Exactly(2), new Deposited(amount));
            return session;
        }).ToList();

        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await w.SaveChangesAsync();
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        }));

        outcomes.Count(committed => committed).ShouldBe(1);
        var balance = (await store.QuerySession(Tenant).LoadAsync<LedgerBalance>(id))!;
        balance.Version.ShouldBe(3);
        balance.Balance.ShouldBeOneOf(35m, 37m);
        (await store.QuerySession(Tenant).Events.AggregateStreamAsync(id, 0m, (total, e) => e is Deposited d ? total + d.Amount : total))
            .State.ShouldBe(balance.Balance);
    }

    [Theory]
    [MemberData(nameof(PositionUse))]
    public async Task A_unit_of_work_refused_for_one_stream_projects_nothing_for_the_others(bool usesEventPositions)
    {
        await using var store = await LedgerStore.CreateAsync(balanceUsesEventPositions: usesEventPositions);
        var existing = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann");
        var fresh = Guid.NewGuid();
        var session = store.OpenSession(Tenant);
        session.Events.StartStream(fresh, LedgerStore.StreamType, new LedgerOpened("bob", "EUR"), new Deposited(4));
        session.Events.Append(existing, ExpectedVersion.Exactly(1), new Deposited(1));

        await Should.ThrowAsync<ConcurrencyException>(() => session.SaveChangesAsync());

        (await store.QuerySession(Tenant).LoadAsync<LedgerBalance>(fresh)).ShouldBeNull();
        (await store.QuerySession(Tenant).LoadAsync<LedgerBalance>(existing))!.Version.ShouldBe(2);
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
