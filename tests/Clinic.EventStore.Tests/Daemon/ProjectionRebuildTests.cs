using Clinic.EventStore.Daemon;
using Clinic.EventStore.Streams;
using Clinic.EventStore.Tests.Sample;
using static Clinic.EventStore.Tests.Daemon.DaemonTestSupport;

namespace Clinic.EventStore.Tests.Daemon;

public class ProjectionRebuildTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Rebuilding_an_async_projection_gives_the_same_documents_as_live_and_the_daemon_carries_on()
    {
        await using var store = await LedgerStore.CreateAsync(o => o.Daemon.BatchSize = 4);
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync();
        foreach (var tenant in new[] { "clinic-a", "clinic-b" })
            for (var i = 1; i <= 6; i++)
                await DepositAsync(store, tenant, i % 2 == 0 ? "ann" : "bob", i);
        await daemon.WaitForNonStaleAsync(Patience);
        var live = await TotalsAsync(store);

        var progress = new List<RebuildProgress>();
        await store.Rebuilder().RebuildAsync("owner-totals", new SynchronousProgress(progress.Add));

        (await TotalsAsync(store)).ShouldBe(live);
        progress[^1].Done.ShouldBe(12);
        progress[^1].Total.ShouldBe(12);
        progress.Count.ShouldBeGreaterThan(2, "progress is reported batch by batch");

        await DepositAsync(store, "clinic-a", "ann", 100);
        await daemon.WaitForNonStaleAsync(Patience);
        (await store.QuerySession("clinic-a").LoadAsync<OwnerTotals>("ann"))!.Deposited.ShouldBe(2 + 4 + 6 + 100);
    }

    [Fact]
    public async Task Rebuilding_an_inline_projection_restores_documents_from_the_events()
    {
        await using var store = await LedgerStore.CreateAsync();
        var ledgers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var id = await LedgerStore.OpenLedgerAsync(store, "clinic-a", "ann", firstDeposit: 10 * i);
            var session = store.OpenSession("clinic-a");
            session.Events.Append(id, ExpectedVersion.Exactly(2), new Withdrawn(1));
            await session.SaveChangesAsync();
            ledgers.Add(id);
        }
        var live = await BalancesAsync(store, ledgers);
        var vandal = store.OpenSession("clinic-a");
        vandal.Store(live[0] with { Balance = -999 });
        vandal.Delete<LedgerBalance>(ledgers[1]);
        await vandal.SaveChangesAsync();

        var progress = new List<RebuildProgress>();
        await store.Rebuilder().RebuildAsync("ledger-balance", new SynchronousProgress(progress.Add));

        (await BalancesAsync(store, ledgers)).ShouldBe(live);
        progress[^1].ShouldBe(new RebuildProgress("ledger-balance", "streams", 5, 5));
    }

    [Fact]
    public async Task Rebuilding_an_unknown_projection_names_the_known_ones()
    {
        await using var store = await LedgerStore.CreateAsync();

        (await Should.ThrowAsync<KeyNotFoundException>(() => store.Rebuilder().RebuildAsync("nope")))
            .Message.ShouldContain("ledger-balance");
    }

    private static async Task<IReadOnlyList<string>> TotalsAsync(DocumentStore store)
    {
        var all = new List<string>();
        foreach (var tenant in new[] { "clinic-a", "clinic-b" })
        {
            var totals = await store.QuerySession(tenant).LoadManyAsync<OwnerTotals>(["ann", "bob"]);
            all.AddRange(totals.Values.OrderBy(t => t.Id).Select(t => $"{tenant}/{t.Id}: {t.Deposited} in {t.Deposits} [{string.Join(",", t.Sequences)}]"));
        }
        return all;
    }

    private static async Task<IReadOnlyList<LedgerBalance>> BalancesAsync(DocumentStore store, IReadOnlyList<Guid> ids)
    {
        var loaded = await store.QuerySession("clinic-a").LoadManyAsync<LedgerBalance>(ids.Cast<object>());
        return ids.Select(id => loaded[id.ToString()]).ToList();
    }

    private sealed class SynchronousProgress(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }
}
