using Clinic.EventStore.Daemon;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;
using Clinic.EventStore.Sessions;
using Clinic.EventStore.Tests.Sample;
using Microsoft.Extensions.Logging;
using Npgsql;
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
    public async Task An_event_held_back_by_an_older_open_transaction_is_reported_and_waiting_for_it_lasts_until_it_is_applied()
    {
        await using var store = await LedgerStore.CreateAsync();
        await using var daemon = store.CreateDaemon();
        await daemon.StartAsync();
        await using var held = await BeginRawTransactionAsync();
        var deposit = await DepositAsync(store, Tenant, "ann", 2);

        var timedOut = await Should.ThrowAsync<TimeoutException>(() => daemon.WaitForNonStaleAsync(TimeSpan.FromSeconds(1)));
        timedOut.Message.ShouldContain("committed events held back by transaction");
        (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann")).ShouldBeNull();
        var holdBack = await EventuallyAsync(() => store.Feed.HoldBackAsync(), h => h.Holder?.ProcessId == held.ProcessID);
        holdBack.Events.ShouldBeGreaterThanOrEqualTo(1);
        holdBack.Holder!.State.ShouldBe("idle in transaction");
        holdBack.Holder.OpenFor.ShouldBeGreaterThan(TimeSpan.Zero);
        var status = await EventuallyAsync(() => Task.FromResult(daemon.Status.Single()), s => s.State == ProjectionState.HeldBack);
        status.HeldBack!.IsHoldingBack.ShouldBeTrue();
        (await store.Feed.CountAfterAsync(status.Position)).ShouldBe(1, "the projection is one event behind, though the feed may not hand it out yet");

        var waiting = daemon.WaitForNonStaleAsync(Patience);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        waiting.IsCompleted.ShouldBeFalse("the event is not applied while the older transaction is open");
        await ExecuteAsync(held, "COMMIT");
        await waiting;

        (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann"))!.Sequences.ShouldBe([deposit]);
    }

    [Fact]
    public async Task A_prepared_transaction_is_named_as_what_holds_events_back()
    {
        await using var store = await LedgerStore.CreateAsync();
        var gid = "held-" + Guid.NewGuid().ToString("N");
        await using (var preparing = await BeginRawTransactionAsync())
            await ExecuteAsync(preparing, $"PREPARE TRANSACTION '{gid}'");
        try
        {
            await DepositAsync(store, Tenant, "ann", 1);

            var holdBack = await EventuallyAsync(() => store.Feed.HoldBackAsync(), h => h.Holder?.State == "prepared");
            holdBack.Events.ShouldBe(1);
            holdBack.Holder!.ProcessId.ShouldBeNull("a prepared transaction belongs to no session");
        }
        finally
        {
            await using var cleanup = await BeginRawTransactionAsync();
            await ExecuteAsync(cleanup, "ROLLBACK");
            await ExecuteAsync(cleanup, $"ROLLBACK PREPARED '{gid}'");
        }
        (await store.Feed.HoldBackAsync()).ShouldBe(FeedHoldBack.None);
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
    public async Task When_the_leaders_connection_is_killed_and_its_node_cut_off_another_node_takes_over_without_skipping_or_repeating()
    {
        var schema = Clinic.Testing.TestDatabase.UniqueSchema();
        await using var admin = new NpgsqlConnection(await Clinic.Testing.TestDatabase.ConnectionStringAsync());
        await admin.OpenAsync();
        var nodeARole = "node_a_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE ROLE {nodeARole} LOGIN SUPERUSER");
        await using var nodeB = await LedgerStore.CreateAsync(schema: schema);
        var nodeA = await LedgerStore.CreateAsync(schema: schema, connectionString: AsRole(admin.ConnectionString, nodeARole));
        try
        {
            var daemonA = nodeA.CreateDaemon();
            await using var daemonB = nodeB.CreateDaemon();
            await daemonA.StartAsync();
            var sequences = new List<long> { await DepositAsync(nodeA, Tenant, "ann", 1) };
            await daemonA.WaitForNonStaleAsync(Patience);
            await daemonB.StartAsync();

            // Node A vanishes: its leadership session is killed and it cannot reconnect.
            await ExecuteAsync(admin, $"ALTER ROLE {nodeARole} NOLOGIN");
            await TerminateLeaderAsync(admin, schema, "owner-totals");
            for (var i = 0; i < 5; i++)
                sequences.Add(await DepositAsync(nodeB, Tenant, "ann", 1));
            await daemonB.WaitForNonStaleAsync(Patience);
            daemonB.Status.Single().State.ShouldBeOneOf(ProjectionState.Running, ProjectionState.CaughtUp);
            daemonA.Status.Single().State.ShouldBeOneOf(ProjectionState.Failing, ProjectionState.Standby);

            // Node A comes back while B leads: it stands by, and nothing is applied twice.
            await ExecuteAsync(admin, $"ALTER ROLE {nodeARole} LOGIN");
            for (var i = 0; i < 3; i++)
                sequences.Add(await DepositAsync(nodeA, Tenant, "ann", 1));
            await daemonB.WaitForNonStaleAsync(Patience);
            await daemonA.StopAsync();

            var totals = (await nodeB.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann"))!;
            totals.Sequences.ShouldBe(sequences);
            totals.Deposited.ShouldBe(9);
        }
        finally
        {
            await nodeA.DisposeAsync();
            await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{nodeARole}'");
            await ExecuteAsync(admin, $"DROP ROLE {nodeARole}");
        }
    }

    [Fact]
    public async Task A_failing_projection_is_logged_by_its_error_type_never_by_its_message()
    {
        var flaky = new FlakyProjection(failuresBeforeSuccess: 1);
        await using var store = await LedgerStore.CreateAsync(o => o.Projections.Add(flaky, ProjectionLifecycle.Async), asyncTotals: false);
        var logger = new CapturingLogger();
        await using var daemon = store.CreateDaemon(logger);
        await daemon.StartAsync();

        await DepositAsync(store, Tenant, "ann", 5);
        await daemon.WaitForNonStaleAsync(Patience);

        var failure = logger.Lines.ShouldHaveSingleItem();
        failure.ShouldContain("flaky");
        failure.ShouldContain(nameof(InvalidOperationException));
        failure.ShouldNotContain("transient failure");
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

    private static string AsRole(string connectionString, string role) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString;

    /// <summary>Ends the session holding the projection's leadership lock, as when its node's connection dies.</summary>
    private static async Task TerminateLeaderAsync(NpgsqlConnection admin, string schema, string projection)
    {
        var key = Clinic.EventStore.Schema.AdvisoryLockKey.For(schema + ":projection:" + projection);
        await using var command = new NpgsqlCommand("""
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND classid::text::bigint = $1 AND objid::text::bigint = $2 AND objsubid = 1
            """, admin);
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(uint)(key >> 32) });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(uint)key });
        (await command.ExecuteScalarAsync()).ShouldBe(true, "one session held the lock");
    }

    /// <summary>Reads until <paramref name="until"/> holds (the daemon and the server get there on their own time).</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> until)
    {
        var deadline = DateTime.UtcNow + Patience;
        var value = await read();
        while (!until(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            value = await read();
        }
        until(value).ShouldBeTrue($"not reached within {Patience}: {value}");
        return value;
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

    /// <summary>Keeps what is logged at warning level or above, as a log sink would write it.</summary>
    private sealed class CapturingLogger : ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                Lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
