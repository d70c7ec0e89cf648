using Clinic.EventStore.Streams;
using Clinic.EventStore.Tests.Sample;

namespace Clinic.EventStore.Tests.Streams;

public class ExpectedVersionTests
{
    private const string Tenant = "clinic-a";

    [Fact]
    public async Task A_wrong_expected_version_raises_a_concurrency_exception_and_writes_nothing_of_the_unit_of_work()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann");
        var other = Guid.NewGuid();
        var session = store.OpenSession(Tenant);
        session.Events.StartStream(other, "ledger", new LedgerOpened("zed", "EUR"));
        session.Events.Append(id, ExpectedVersion.Exactly(1), new Deposited(99));
        session.Store(new OwnerTotals("side-document", 1, 1, []));

        var conflict = await Should.ThrowAsync<ConcurrencyException>(() => session.SaveChangesAsync());

        conflict.StreamId.ShouldBe(id);
        conflict.Message.ShouldContain("at version 2");
        var reader = store.QuerySession(Tenant);
        (await reader.Events.FetchStreamAsync(id)).Count.ShouldBe(2);
        (await reader.Events.FetchStreamStateAsync(other)).ShouldBeNull();
        (await reader.LoadAsync<OwnerTotals>("side-document")).ShouldBeNull();
        (await reader.LoadAsync<LedgerBalance>(other)).ShouldBeNull("the inline projection rolled back too");
    }

    [Fact]
    public async Task Starting_a_stream_that_exists_is_a_conflict()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann");
        var session = store.OpenSession(Tenant);
        session.Events.StartStream(id, "ledger", new LedgerOpened("again", "EUR"));

        await Should.ThrowAsync<ConcurrencyException>(() => session.SaveChangesAsync());
    }

    [Fact]
    public async Task Expecting_a_version_of_a_stream_that_does_not_exist_is_a_conflict()
    {
        await using var store = await LedgerStore.CreateAsync();
        var session = store.OpenSession(Tenant);
        session.Events.Append(Guid.NewGuid(), ExpectedVersion.Exactly(3), new Deposited(1));

        (await Should.ThrowAsync<ConcurrencyException>(() => session.SaveChangesAsync())).Message.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Expecting_a_version_ahead_of_the_stream_is_a_conflict_not_a_gap()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann");
        var session = store.OpenSession(Tenant);
        session.Events.Append(id, ExpectedVersion.Exactly(5), new Deposited(1));

        await Should.ThrowAsync<ConcurrencyException>(() => session.SaveChangesAsync());
        (await store.QuerySession(Tenant).Events.FetchStreamAsync(id)).Select(e => e.Version).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task Any_creates_a_missing_stream_and_appends_to_an_existing_one_at_its_end()
    {
        await using var store = await LedgerStore.CreateAsync();
        var existing = await LedgerStore.OpenLedgerAsync(store, Tenant, "ann");
        var created = Guid.NewGuid();
        var session = store.OpenSession(Tenant);
        session.Events.Append(existing, ExpectedVersion.Any, [new Deposited(3)], "ledger");
        session.Events.Append(created, ExpectedVersion.Any, [new LedgerOpened("new", "EUR")], "ledger");
        await session.SaveChangesAsync();

        var reader = store.QuerySession(Tenant).Events;
        (await reader.FetchStreamStateAsync(existing))!.Version.ShouldBe(3);
        (await reader.FetchStreamStateAsync(created))!.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Two_parallel_appends_with_the_same_expected_version_have_exactly_one_winner()
    {
        await using var store = await LedgerStore.CreateAsync();
        for (var round = 0; round < 10; round++)
        {
            var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "race");
            var contenders = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                var session = store.OpenSession(Tenant);
                session.Events.Append(id, ExpectedVersion.Exactly(2), new Deposited(i + 1));
                try
                {
                    await session.SaveChangesAsync();
                    return true;
                }
                catch (ConcurrencyException)
                {
                    return false;
                }
            })).ToList();

            var outcomes = await Task.WhenAll(contenders);

            outcomes.Count(won => won).ShouldBe(1);
            var events = await store.QuerySession(Tenant).Events.FetchStreamAsync(id);
            events.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
            (await store.QuerySession(Tenant).LoadAsync<LedgerBalance>(id))!.Balance.ShouldBe(10 + ((Deposited)events[2].Data!).Amount);
        }
    }

    [Fact]
    public async Task Parallel_appends_with_any_all_land_without_gaps()
    {
        await using var store = await LedgerStore.CreateAsync();
        var id = await LedgerStore.OpenLedgerAsync(store, Tenant, "busy");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var session = store.OpenSession(Tenant);
            session.Events.Append(id, ExpectedVersion.Any, [new Deposited(1)], "ledger");
            await session.SaveChangesAsync();
        })));

        (await store.QuerySession(Tenant).Events.FetchStreamAsync(id)).Select(e => e.Version).ShouldBe(Enumerable.Range(1, 10).Select(v => (long)v));
        (await store.QuerySession(Tenant).LoadAsync<LedgerBalance>(id))!.Balance.ShouldBe(18);
    }
}
