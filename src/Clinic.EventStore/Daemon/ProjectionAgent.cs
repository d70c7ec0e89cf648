using System.Threading.Channels;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;
using Microsoft.Extensions.Logging;

namespace Clinic.EventStore.Daemon;

/// <summary>
/// Runs one async projection on this node while it holds the projection's leadership: reads the feed
/// after the checkpoint, applies a batch, repeats; waits for new events when caught up.
/// </summary>
internal sealed class ProjectionAgent
{
    private readonly StoreContext _store;
    private readonly IProjection _projection;
    private readonly ProjectionCheckpoints _checkpoints;
    private readonly ProjectionApplier _applier;
    private readonly EventFeed _feed;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly IReadOnlyCollection<string> _dataFor;

    public ProjectionAgent(StoreContext store, IProjection projection, EventFeed feed, ILogger logger)
    {
        _store = store;
        _projection = projection;
        _checkpoints = new ProjectionCheckpoints(store);
        _applier = new ProjectionApplier(store, _checkpoints);
        _feed = feed;
        _logger = logger;
        _dataFor = _applier.StoredNamesFor(projection);
        Status = new ProjectionStatus(projection.Name, ProjectionState.Standby, EventPosition.Start, null);
    }

    public ProjectionStatus Status { get; private set; }

    private DaemonOptions Options => _store.Options.Daemon;

    public void Wake() => _wake.Writer.TryWrite(true);

    public async Task RunAsync(CancellationToken stopping)
    {
        await using var leadership = new ProjectionLeadership(
            _store.Options.ConnectionString, _store.Schema, _projection.Name, IdleSessionTimeout());
        var backoff = Options.ErrorBackoff;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await leadership.TryAcquireAsync(stopping))
                    await LeadAsync(leadership, stopping);
                else
                    await DelayAsync(Options.LeadershipPollInterval, stopping);
                backoff = Options.ErrorBackoff;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // The type and where it was thrown, not the message: a message may quote an event's data.
                _logger.LogError("Projection {Projection} failed with {ErrorType} at {Where}; retrying in {Backoff}",
                    _projection.Name, error.GetType().Name, error.TargetSite?.Name, backoff);
                Status = Status with { State = ProjectionState.Failing, LastError = error.Message };
                await leadership.ReleaseAsync();
                await DelayAsync(backoff, stopping);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, Options.MaxErrorBackoff.Ticks));
            }
        }
        Status = Status with { State = ProjectionState.Stopped };
    }

    /// <summary>
    /// Applies batches while leading; returns (standing aside) when a rebuild asks for the projection. The
    /// checkpoint is kept in memory between batches: every batch's guarded move from it is what prevents double
    /// application, so it is only read again, with the leadership confirmed, when idle or when a move was refused.
    /// </summary>
    private async Task LeadAsync(ProjectionLeadership leadership, CancellationToken stopping)
    {
        var checkpoint = await _checkpoints.ReadAsync(_projection.Name, stopping);
        while (!stopping.IsCancellationRequested)
        {
            if (checkpoint.RebuildRequestedAt is not null)
            {
                Status = Status with { State = ProjectionState.Paused, Position = checkpoint.Position };
                await leadership.ReleaseAsync();
                await DelayAsync(Options.LeadershipPollInterval, stopping);
                return;
            }

            var batch = await _feed.ReadAsync(checkpoint.Position, Options.BatchSize, _dataFor, _projection.ReadsMetadata, stopping);
            if (batch.Count == 0)
            {
                Status = await IdleStatusAsync(checkpoint.Position, stopping);
                await WaitForEventsAsync(stopping);
            }
            else
            {
                Status = Status with { State = ProjectionState.Running, Position = checkpoint.Position };
                if (await _applier.ApplyAsync(_projection, batch, checkpoint.Position, byRebuild: false, stopping))
                {
                    checkpoint = checkpoint with { Position = batch[^1].Position };
                    Status = new ProjectionStatus(_projection.Name, ProjectionState.Running, checkpoint.Position, null);
                    continue;
                }
            }
            await leadership.ConfirmAsync(stopping);
            checkpoint = await _checkpoints.ReadAsync(_projection.Name, stopping);
        }
    }

    /// <summary>Caught up, or held back: nothing to read, though committed events wait behind an open transaction.</summary>
    private async Task<ProjectionStatus> IdleStatusAsync(EventPosition position, CancellationToken stopping)
    {
        var holdBack = await _feed.HoldBackAsync(stopping);
        return holdBack.IsHoldingBack
            ? new ProjectionStatus(_projection.Name, ProjectionState.HeldBack, position, null, holdBack)
            : new ProjectionStatus(_projection.Name, ProjectionState.CaughtUp, position, null);
    }

    private async Task WaitForEventsAsync(CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(Options.PollInterval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // Polling interval elapsed: look again; other nodes' appends do not wake us.
        }
    }

    /// <summary>Waits, or returns early when the daemon stops (callers then see <paramref name="stopping"/> and end).</summary>
    private static async Task DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: a wait after a failure, too, must not turn the stop into an error.
        }
    }

    private TimeSpan IdleSessionTimeout() =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 3 * Math.Max(Options.PollInterval.Ticks, Options.LeadershipPollInterval.Ticks)));
}
