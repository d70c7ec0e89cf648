using Clinic.EventStore.Events;
using Clinic.EventStore.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.EventStore.Daemon;

/// <summary>
/// Keeps the async projections up to date on this node. Every node may run a daemon: each projection
/// is run by one node at a time, and another takes it over when that node stops or dies.
/// </summary>
public sealed class ProjectionDaemon : IAsyncDisposable
{
    private readonly StoreContext _store;
    private readonly IReadOnlyList<ProjectionAgent> _agents;
    private readonly ProjectionCheckpoints _checkpoints;
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    internal ProjectionDaemon(StoreContext store, ILogger? logger)
    {
        _store = store;
        var feed = new EventFeed(store);
        _agents = store.Options.Projections.Async
            .Select(p => new ProjectionAgent(store, p, feed, logger ?? NullLogger.Instance))
            .ToList();
        _checkpoints = new ProjectionCheckpoints(store);
    }

    public IReadOnlyList<ProjectionStatus> Status => _agents.Select(a => a.Status).ToList();

    /// <summary>Starts the agents; refuses events restored from a logical dump of another server (see <see cref="DocumentStore.ApplySchemaAsync"/>).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping is not null)
            throw new InvalidOperationException("The daemon is already running.");
        await RestoredTransactionIdsGuard.EnsureAsync(_store.DataSource, _store.Schema, cancellationToken);
        _stopping = new CancellationTokenSource();
        _store.EventsCommitted += WakeAll;
        _running = Task.WhenAll(_agents.Select(agent => Task.Run(() => agent.RunAsync(_stopping.Token), CancellationToken.None)));
    }

    public async Task StopAsync()
    {
        if (_stopping is null)
            return;
        _store.EventsCommitted -= WakeAll;
        await _stopping.CancelAsync();
        await _running;
        _stopping.Dispose();
        _stopping = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>
    /// Waits until every async projection (on whichever node runs it) has applied every event committed
    /// before the call. While a transaction older than some of those events is open anywhere in the
    /// cluster, the daemon may not apply them yet, so the wait lasts until that transaction ends or the
    /// timeout expires; the <see cref="TimeoutException"/> then names the transaction holding them back.
    /// </summary>
    public async Task WaitForNonStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var feed = new EventFeed(_store);
        var target = await feed.HighWaterMarkAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var names = _store.Options.Projections.Async.Select(p => p.Name).ToHashSet();
        try
        {
            while (true)
            {
                var checkpoints = await _checkpoints.ReadAllAsync(deadline.Token);
                var behind = names.Where(name => (checkpoints.FirstOrDefault(c => c.Name == name)?.Position ?? EventPosition.Start) < target);
                if (!behind.Any())
                    return;
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var holdBack = await feed.HoldBackAsync(cancellationToken);
            throw new TimeoutException(
                $"Projections did not reach {target} within {timeout} ({holdBack}): {string.Join(", ", Status)}");
        }
    }

    private void WakeAll()
    {
        foreach (var agent in _agents)
            agent.Wake();
    }
}
