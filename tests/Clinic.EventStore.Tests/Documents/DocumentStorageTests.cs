using Clinic.EventStore.Documents;
using Clinic.EventStore.Tests.Sample;

namespace Clinic.EventStore.Tests.Documents;

public class DocumentStorageTests
{
    private const string Tenant = "clinic-a";

    [Fact]
    public async Task Documents_are_stored_loaded_by_id_and_many_and_deleted()
    {
        await using var store = await LedgerStore.CreateAsync(inlineBalance: false);
        var (a, b) = (Balance("ann", 10), Balance("bob", 20));
        var session = store.OpenSession(Tenant);
        session.Store(a);
        session.Store(b);
        await session.SaveChangesAsync();

        var reader = store.QuerySession(Tenant);
        (await reader.LoadAsync<LedgerBalance>(a.Id)).ShouldBe(a);
        var many = await reader.LoadManyAsync<LedgerBalance>([a.Id, b.Id, Guid.NewGuid()]);
        many.Values.ShouldBe([a, b], ignoreOrder: true);
        many[DocumentId.From(b.Id)].ShouldBe(b);

        var update = store.OpenSession(Tenant);
        update.Store(a with { Balance = 11 });
        update.Delete<LedgerBalance>(b.Id);
        await update.SaveChangesAsync();

        (await reader.LoadAsync<LedgerBalance>(a.Id))!.Balance.ShouldBe(11);
        (await reader.LoadAsync<LedgerBalance>(b.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_session_sees_its_own_pending_writes_when_loading_by_id()
    {
        await using var store = await LedgerStore.CreateAsync(inlineBalance: false);
        var stored = Balance("ann", 5);
        var session = store.OpenSession(Tenant);
        session.Store(stored);

        (await session.LoadAsync<LedgerBalance>(stored.Id)).ShouldBe(stored);
        (await store.QuerySession(Tenant).LoadAsync<LedgerBalance>(stored.Id)).ShouldBeNull();
        session.Delete<LedgerBalance>(stored.Id);
        (await session.LoadAsync<LedgerBalance>(stored.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task Queries_filter_and_order_on_duplicated_fields()
    {
        await using var store = await LedgerStore.CreateAsync(inlineBalance: false);
        var session = store.OpenSession(Tenant);
        foreach (var (owner, balance) in new[] { ("ann", 5m), ("ann", 50m), ("ann", 500m), ("bob", 70m) })
            session.Store(Balance(owner, balance));
        await session.SaveChangesAsync();
        var reader = store.QuerySession(Tenant);

        var annsLargest = await reader.Query<LedgerBalance>()
            .Where(x => x.Owner, "ann").Where(x => x.Balance, Comparison.GreaterThan, 10m)
            .OrderByDescending(x => x.Balance).ToListAsync();
        annsLargest.Select(x => x.Balance).ShouldBe([500m, 50m]);

        (await reader.Query<LedgerBalance>().OrderBy(x => x.Balance).Take(2).ToListAsync()).Select(x => x.Balance).ShouldBe([5m, 50m]);
        (await reader.Query<LedgerBalance>().Where(x => x.Owner, Comparison.NotEqual, "ann").CountAsync()).ShouldBe(1);
        (await reader.Query<LedgerBalance>().Where(x => x.Balance, Comparison.LessThanOrEqual, 50m).CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Querying_on_a_member_that_is_not_duplicated_is_refused()
    {
        await using var store = await LedgerStore.CreateAsync(inlineBalance: false);

        Should.Throw<InvalidOperationException>(() => store.QuerySession(Tenant).Query<LedgerBalance>().Where(x => x.Movements, 1))
            .Message.ShouldContain("not a duplicated field");
    }

    [Fact]
    public async Task A_new_duplicated_field_is_added_to_an_existing_table_and_filled_on_the_next_write()
    {
        var schema = Clinic.Testing.TestDatabase.UniqueSchema();
        var document = Balance("ann", 9);
        await using (var first = await LedgerStore.CreateAsync(inlineBalance: false, schema: schema))
        {
            var session = first.OpenSession(Tenant);
            session.Store(document);
            await session.SaveChangesAsync();
        }
        await using var second = await LedgerStore.CreateAsync(o => o.Documents.For<LedgerBalance>().Duplicate(x => x.Movements), schema, inlineBalance: false);
        var rewrite = second.OpenSession(Tenant);
        rewrite.Store(document with { Movements = 4 });
        await rewrite.SaveChangesAsync();

        (await second.QuerySession(Tenant).Query<LedgerBalance>().Where(x => x.Movements, 4).ToListAsync()).Single().Id.ShouldBe(document.Id);
    }

    private static LedgerBalance Balance(string owner, decimal balance) => new(Guid.NewGuid(), owner, balance, 1, 1);
}
