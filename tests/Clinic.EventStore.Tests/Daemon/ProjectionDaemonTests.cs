using Clinic.EventStore.Daemon;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;
using Clinic.EventStore.Sessions;
using Clinic.EventStore.Tests.Sample;
using static Clinic.EventStore.Tests.Daemon.DaemonTestSupport;

namespace Clinic.EventStore.Tests.Daemon;

public class ProjectionDaemonTests
{
    private const string Tenant = "clinic-a";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_daemon_applies_every_event_once_in_commit_order()
    {
        await using var store = await LedgerStore.CreateAsync(o => o.Daemon.BatchSize = 7);
        var sequences = new List<long>();
        for (var i = 1; i <= 40; i++)
            sequences.Add(await DepositAsync(store, Tenant, "ann", i));
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync();

        await daemon.WaitForNonStaleAsync(Patience);

        var totals = (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann"))!;
        totals.Sequences.ShouldBe(sequences);
        totals.Deposited.ShouldBe(Enumerable.Range(1, 40).Sum());
    }

    [Fact]
    public async Task A_transaction_held_open_holds_back_later_commits_and_both_are_applied_in_order_once()
    {
        await using var store = await LedgerStore.CreateAsync();
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync();
        await using var held = await BeginRawTransactionAsync();

        var later = await DepositAsync(store, Tenant, "ann", 2);
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann")).ShouldBeNull("the open transaction might still write before it");

        var earlier = await RawDepositAsync(held, store, Tenant, "ann", 1);
        await ExecuteAsync(held, "COMMIT");
        await daemon.WaitForNonStaleAsync(Patience);

        var totals = (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann"))!;
        totals.Sequences.ShouldBe([earlier, later], "ordered by transaction, though the held one took the later sequence number");
        totals.Deposited.ShouldBe(3);
    }

    [Fact]
    public async Task Rolled_back_transactions_leave_gaps_that_never_stall_or_skip()
    {
        await using var store = await LedgerStore.CreateAsync();
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync();
        var applied = new List<long> { await DepositAsync(store, Tenant, "ann", 1) };
        for (var gap = 0; gap < 3; gap++)
        {
            await using var rolledBack = await BeginRawTransactionAsync();
            await RawDepositAsync(rolledBack, store, Tenant, "ann", 1000);
            await ExecuteAsync(rolledBack, "ROLLBACK");
            applied.Add(await DepositAsync(store, Tenant, "ann", 1));
        }

        await daemon.WaitForNonStaleAsync(Patience);

        applied.Zip(applied.Skip(1)).ShouldAllBe(pair => pair.Second > pair.First + 1, "each rollback consumed a sequence number");
        (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann"))!.Sequences.ShouldBe(applied);
    }

    [Fact]
    public async Task A_restarted_daemon_resumes_from_its_checkpoint()
    {
        await using var store = await LedgerStore.CreateAsync();
        var first = store.CreateDaemon();
        await first.StartAsync();
        var sequences = new List<long>();
        for (var i = 0; i < 5; i++)
            sequences.Add(await DepositAsync(store, Tenant, "ann", 1));
        await first.WaitForNonStaleAsync(Patience);
        await first.StopAsync();

        for (var i = 0; i < 5; i++)
            sequences.Add(await DepositAsync(store, Tenant, "ann", 1));
        await using var second = store.CreateDaemon();
        await second.StartAsync();
        await second.WaitForNonStaleAsync(Patience);

        var totals = (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann"))!;
        totals.Sequences.ShouldBe(sequences);
        totals.Deposits.ShouldBe(10);
    }

    [Fact]
    public async Task One_node_runs_a_projection_and_another_takes_over_when_it_stops()
    {
        var schema = Clinic.Testing.TestDatabase.UniqueSchema();
        await using var nodeA = await LedgerStore.CreateAsync(schema: schema);
        await using var nodeB = await LedgerStore.CreateAsync(schema: schema);
        var daemonA = nodeA.CreateDaemon();
        await using var daemonB = nodeB.CreateDaemon();
        await daemonA.StartAsync();
        await DepositAsync(nodeA, Tenant, "ann", 1);
        await daemonA.WaitForNonStaleAsync(Patience);
        await daemonB.StartAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        daemonA.Status.Single().State.ShouldBeOneOf(ProjectionState.Running, ProjectionState.CaughtUp);
        daemonB.Status.Single().State.ShouldBe(ProjectionState.Standby);

        await daemonA.StopAsync();
        await DepositAsync(nodeB, Tenant, "ann", 2);
        await daemonB.WaitForNonStaleAsync(Patience);

        (await nodeB.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann"))!.Deposited.ShouldBe(3);
        daemonB.Status.Single().State.ShouldBeOneOf(ProjectionState.Running, ProjectionState.CaughtUp);
    }

    [Fact]
    public async Task A_failing_projection_is_retried_without_skipping_the_event()
    {
        var flaky = new FlakyProjection(failuresBeforeSuccess: 3);
        await using var store = await LedgerStore.CreateAsync(o => o.Projections.Add(flaky, ProjectionLifecycle.Async), asyncTotals: false);
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync();

        await DepositAsync(store, Tenant, "ann", 5);
        await daemon.WaitForNonStaleAsync(Patience);

        flaky.Attempts.ShouldBe(4);
        (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("flaky"))!.Deposited.ShouldBe(5);
    }

    private sealed class FlakyProjection(int failuresBeforeSuccess) : IProjection
    {
        public int Attempts { get; private set; }
        public string Name => "flaky";
        public IReadOnlyCollection<Type> EventTypes => [typeof(Deposited)];
        public IReadOnlyCollection<Type> DocumentTypes => [typeof(OwnerTotals)];

        public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
        {
            if (++Attempts <= failuresBeforeSuccess)
                throw new InvalidOperationException("transient failure");
            operations.Store(new OwnerTotals("flaky", events.Sum(e => ((Deposited)e.Data!).Amount), events.Count, []));
            return Task.CompletedTask;
        }
    }
}
