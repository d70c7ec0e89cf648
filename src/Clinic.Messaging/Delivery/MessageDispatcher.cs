using System.Collections.Concurrent;
using System.Threading.Channels;
using Clinic.Messaging.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Messaging.Delivery;

/// <summary>
/// Delivers due messages to their handlers, at least once, from any number of nodes at the same time. A
/// failed attempt is retried with exponential back-off; after <see cref="MessagingOptions.MaxAttempts"/> the
/// message goes to the dead letters. A message whose effect was already recorded in the inbox is not handled
/// again.
/// </summary>
public sealed class MessageDispatcher : IAsyncDisposable
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    private readonly MessageStore _store;
    private readonly MessageHandlerRegistry _handlers;
    private readonly CommandBus _bus;
    private readonly ILogger _logger;
    private readonly DeliveryStatements _statements;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    public MessageDispatcher(MessageStore store, MessageHandlerRegistry handlers, CommandBus bus, ILogger<MessageDispatcher>? logger = null)
    {
        _store = store;
        _handlers = handlers;
        _bus = bus;
        _logger = logger ?? NullLogger<MessageDispatcher>.Instance;
        _statements = new DeliveryStatements(store);
    }

    private MessagingOptions Options => _store.Options;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping is not null)
            throw new InvalidOperationException("The dispatcher is already running.");
        _stopping = new CancellationTokenSource();
        _store.MessagesCommitted += Wake;
        _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_stopping is null)
            return;
        _store.MessagesCommitted -= Wake;
        await _stopping.CancelAsync();
        await _running;
        _stopping.Dispose();
        _stopping = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>
    /// Claims and delivers one batch of due messages, then completes those handled in one transaction (a crash
    /// before it leaves them to be delivered again after their lease: at least once); returns how many it claimed.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await _statements.ClaimAsync(Options.BatchSize, cancellationToken);
        var handled = new ConcurrentQueue<Guid>();
        await Parallel.ForEachAsync(claimed,
            new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism, CancellationToken = cancellationToken },
            async (message, ct) =>
            {
                if (await DeliverAsync(message, ct))
                    handled.Enqueue(message.Id);
            });
        await _statements.CompleteAsync([.. handled], cancellationToken);
        return claimed.Count;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await DeliverDueAsync(stopping) == 0)
                {
                    await PurgeNowAndThenAsync(stopping);
                    await WaitForMessagesAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                _logger.LogError("Message dispatch failed with {ErrorType}; retrying after {Delay}", error.GetType().Name, Options.PollInterval);
                await Task.Delay(Options.PollInterval, stopping).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>Hands the message to its handler; false if that failed (the attempt is then recorded).</summary>
    private async Task<bool> DeliverAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (!message.AlreadyHandled)
                await _handlers.HandleAsync(_store.Deserialize(message.Type, message.Body), new MessageContext(message, _bus), cancellationToken);
            return true;
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            await FailAsync(message, failure, cancellationToken);
            return false;
        }
    }

    private async Task FailAsync(ClaimedMessage message, Exception failure, CancellationToken cancellationToken)
    {
        var error = $"{failure.GetType().Name}: {failure.Message}";
        if (message.Attempts >= Options.MaxAttempts)
        {
            _logger.LogWarning("Message {MessageId} ({Type}) failed {Attempts} times with {ErrorType}; moved to the dead letters",
                message.Id, message.Type, message.Attempts, failure.GetType().Name);
            await _statements.DeadLetterAsync(message.Id, error, cancellationToken);
            return;
        }
        var delay = RetryDelay.After(message.Attempts, Options);
        _logger.LogInformation("Message {MessageId} ({Type}) failed attempt {Attempt} with {ErrorType}; retrying in {Delay}",
            message.Id, message.Type, message.Attempts, failure.GetType().Name, delay);
        await _statements.RetryLaterAsync(message.Id, delay, error, cancellationToken);
    }

    private async Task PurgeNowAndThenAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow - _lastPurge < PurgeInterval)
            return;
        await _statements.PurgeExpiredAsync(cancellationToken);
        _lastPurge = DateTimeOffset.UtcNow;
    }

    private async Task WaitForMessagesAsync(CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(Options.PollInterval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // Poll interval elapsed: scheduled messages may have fallen due, other nodes may have sent some.
        }
    }

    private void Wake() => _wake.Writer.TryWrite(true);
}
