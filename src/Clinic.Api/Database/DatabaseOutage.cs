using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Clinic.Api.Hosting;
using Marten;

namespace Clinic.Api.Database;

/// <summary>
/// Whether the database is out of reach, as requests, health checks and background work find it. The log gets one
/// line when an outage begins and one when it ends, however many requests fail in between. While it lasts, the
/// database is probed every second, so that its end is noticed (and logged) even when nothing else asks.
/// </summary>
/// <remarks>Takes the logger factory, not a logger: loggers of background work depend on this (<see cref="OutageQuietLogger{T}"/>).</remarks>
internal sealed class DatabaseOutage(IDocumentStore store, ClinicServices services, ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private const int MaxHeldLines = 100;

    /// <summary>How long after an outage a connection it broke may still be found broken (Wolverine pings its lock connection every few seconds).</summary>
    private static readonly TimeSpan AftermathWindow = TimeSpan.FromMinutes(1);

    private readonly ILogger _logger = loggers.CreateLogger<DatabaseOutage>();
    private readonly ConcurrentQueue<Action> _heldLines = new();
    private readonly Channel<bool> _probeSoon = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>When the outage began (a <see cref="Stopwatch"/> timestamp), 0 while the database answers.</summary>
    private long _beganAt;

    /// <summary>When the last outage ended (a <see cref="Stopwatch"/> timestamp), 0 before the first.</summary>
    private long _endedAt;

    public bool IsOngoing => Interlocked.Read(ref _beganAt) != 0;

    /// <summary>Whether an outage ended within the last minute: background work may still be finding what it broke.</summary>
    public bool IsRecent => Interlocked.Read(ref _endedAt) is var endedAt and not 0 && Stopwatch.GetElapsedTime(endedAt) < AftermathWindow;

    /// <summary>
    /// Whether <paramref name="failure"/> is a connection the last outage broke, found broken when next used shortly
    /// after it: the outage's own lines already say so.
    /// </summary>
    public bool IsAftermath(Exception? failure) => failure is not null && DatabaseFailures.IsUnreachable(failure) && IsRecent;

    /// <summary>Records that the database could not be reached (a failure <see cref="DatabaseFailures.IsUnreachable"/> tells); logs it when it is news.</summary>
    public void Began(Exception failure) => Began(DatabaseFailures.Describe(failure));

    private void Began(string cause)
    {
        if (Interlocked.CompareExchange(ref _beganAt, Stopwatch.GetTimestamp(), 0) != 0)
            return;
        _logger.LogError("The database cannot be reached ({Cause}); requests are answered 503 database-unavailable until it answers again", cause);
        _probeSoon.Writer.TryWrite(true);
    }

    /// <summary>
    /// Background work failed without saying why: its log line waits for a probe, which tells an outage (the line is
    /// dropped: the outage's own line says it) from a fault of the work itself (the line is written).
    /// </summary>
    public void HoldUntilProbed(Action writeLine)
    {
        if (_heldLines.Count < MaxHeldLines)
            _heldLines.Enqueue(writeLine);
        ProbeSoon();
    }

    /// <summary>Asks for a probe of the database now, rather than waiting for a request to find it out of reach.</summary>
    public void ProbeSoon() => _probeSoon.Writer.TryWrite(true);

    /// <summary>
    /// Reads the highest event sequence number (which exercises the store's schema too), within five seconds: null when
    /// the database cannot be reached. Records the outage's beginning or end; other failures are the caller's.
    /// </summary>
    public async Task<long?> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var position = await store.Storage.Database.FetchHighestEventSequenceNumber(timeout.Token);
            Ended();
            return position;
        }
        catch (Exception failure) when (DatabaseFailures.IsUnreachable(failure))
        {
            Began(failure);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Began($"no answer within {ProbeTimeout.TotalSeconds:0} s");
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _probeSoon.Reader.WaitToReadAsync(stoppingToken))
            {
                _probeSoon.Reader.TryRead(out _);
                while (!await AnswersAsync(stoppingToken))
                {
                    _heldLines.Clear();
                    await Task.Delay(ProbeInterval, stoppingToken);
                }
                WriteHeldLines();
            }
        }
        finally
        {
            WriteHeldLines(); // stopping: whatever they were, they are not lost
        }
    }

    private void WriteHeldLines()
    {
        while (_heldLines.TryDequeue(out var writeLine))
            writeLine();
    }

    private async Task<bool> AnswersAsync(CancellationToken stopping)
    {
        try
        {
            return await ProbeAsync(stopping) is not null;
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            // The server answered, with an error of its own: it is reachable, which is all this watches.
            Ended();
            return true;
        }
    }

    private void Ended()
    {
        var beganAt = Interlocked.Exchange(ref _beganAt, 0);
        if (beganAt == 0)
            return;
        Interlocked.Exchange(ref _endedAt, Stopwatch.GetTimestamp());
        // Pooled connections opened before the outage are likely broken (a restarted server knows none of them): dropped
        // now, they cannot fail the first requests after it.
        services.DataSource.Clear();
        _logger.LogInformation("The database answers again, after an outage of {Seconds:0.0} s", Stopwatch.GetElapsedTime(beganAt).TotalSeconds);
    }
}
