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
/// again. While running, it also purges expired inbox ids and idempotency keys on a schedule of their own.
/// </summary>
public sealed class MessageDispatcher : IAsyncDisposable
{
    private readonly MessageStore _store;
    private readonly MessageHandlerRegistry _handlers;
    private readonly CommandBus _bus;
    private readonly ILogger _logger;
    private readonly DeliveryStatements _statements;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

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
        var stopping = _stopping.Token;
        _running = Task.WhenAll(
            Task.Run(() => DeliverUntilStoppedAsync(stopping), CancellationToken.None),
            Task.Run(() => PurgeUntilStoppedAsync(stopping), CancellationToken.None));
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
    /// Claims and delivers one batch of due messages, keeping their lease while it runs, then completes those
    /// handled in one transaction (a crash before it leaves them to be delivered again after their lease: at
    /// least once); returns how many it claimed.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var token = Guid.NewGuid();
        var claimed = await _statements.ClaimAsync(token, Options.BatchSize, cancellationToken);
        if (claimed.Count == 0)
            return 0;
        ConcurrentQueue<Guid> handled;
        using (var batchDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var leaseKept = KeepLeaseAsync(token, [.. claimed.Select(m => m.Id)], batchDone.Token);
            try
            {
                handled = await DeliverAllAsync(claimed, cancellationToken);
            }
            finally
            {
                await batchDone.CancelAsync();
                await leaseKept;
            }
        }
        await _statements.CompleteAsync(token, [.. handled], cancellationToken);
        return claimed.Count;
    }

    private async Task<ConcurrentQueue<Guid>> DeliverAllAsync(IReadOnlyList<ClaimedMessage> claimed, CancellationToken cancellationToken)
    {
        var handled = new ConcurrentQueue<Guid>();
        await Parallel.ForEachAsync(claimed,
            new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism, CancellationToken = cancellationToken },
            async (message, ct) =>
            {
                if (await DeliverAsync(message, ct))
                    handled.Enqueue(message.Id);
            });
        return handled;
    }

    /// <summary>Renews the batch's lease every third of it until the batch is done, so slow handlers do not outlive it.</summary>
    private async Task KeepLeaseAsync(Guid token, Guid[] messageIds, CancellationToken batchDone)
    {
        using var timer = new PeriodicTimer(Options.Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(batchDone))
                await RenewLeaseAsync(token, messageIds, batchDone);
        }
        catch (OperationCanceledException) when (batchDone.IsCancellationRequested)
        {
            // The batch is done: its messages are completed, retried or dead-lettered next.
        }
    }

    private async Task RenewLeaseAsync(Guid token, Guid[] messageIds, CancellationToken batchDone)
    {
        try
        {
            await _statements.RenewLeaseAsync(token, messageIds, batchDone);
        }
        catch (Exception error) when (!batchDone.IsCancellationRequested)
        {
            _logger.LogWarning("Renewing the lease of a batch of {Count} messages failed with {ErrorType}; trying again at the next renewal",
                messageIds.Length, error.GetType().Name);
        }
    }

    private async Task DeliverUntilStoppedAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await DeliverDueAsync(stopping) == 0)
                    await WaitForMessagesAsync(stopping);
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

    /// <summary>Hands the message to its handler; false if it is not to be completed (it failed, or asked to come again later).</summary>
    private async Task<bool> DeliverAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        if (message.AlreadyHandled)
            return true;
        try
        {
            var context = new MessageContext(message, _bus);
            await _handlers.HandleAsync(_store.Deserialize(message.Type, message.Body), context, cancellationToken);
            if (context.RescheduledAfter is not { } delay)
                return true;
            await _statements.RescheduleAsync(message, delay, cancellationToken);
            return false;
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
            await _statements.DeadLetterAsync(message, error, cancellationToken);
            return;
        }
        var delay = RetryDelay.After(message.Attempts, Options);
        _logger.LogInformation("Message {MessageId} ({Type}) failed attempt {Attempt} with {ErrorType}; retrying in {Delay}",
            message.Id, message.Type, message.Attempts, failure.GetType().Name, delay);
        await _statements.RetryLaterAsync(message, delay, error, cancellationToken);
    }

    /// <summary>Purges at start and then every <see cref="MessagingOptions.PurgeInterval"/>, whether or not messages keep coming.</summary>
    private async Task PurgeUntilStoppedAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Options.PurgeInterval);
        try
        {
            do
            {
                await PurgeAsync(stopping);
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task PurgeAsync(CancellationToken stopping)
    {
        try
        {
            await _statements.PurgeExpiredAsync(stopping);
        }
        catch (Exception error) when (!stopping.IsCancellationRequested)
        {
            _logger.LogError("Purging expired inbox ids and idempotency keys failed with {ErrorType}; trying again in {Interval}",
                error.GetType().Name, Options.PurgeInterval);
        }
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
