using System.Collections.Concurrent;
using Clinic.Messaging.Commands;
using Clinic.Messaging.Delivery;

namespace Clinic.Messaging.Tests.Sample;

// A tiny generic domain: counters that are incremented by commands, and messages that increment them.
public sealed record Increment(Guid CounterId, int By, bool AlsoPublish = false, bool Refuse = false);
public sealed record Incremented(int By);
public sealed record PleaseIncrement(Guid CounterId);
public sealed record Flaky(string Name);

/// <summary>Increments a counter stream at the version it read; may publish a message with it, or refuse.</summary>
public sealed class IncrementHandler : ICommandHandler<Increment>
{
    public async Task<CommandResult> HandleAsync(Increment command, HandlerContext context, CancellationToken cancellationToken)
    {
        if (command.Refuse)
            return CommandResult.Reject("refused", "This command is refused.");
        var state = await context.Session.Events.FetchStreamStateAsync(command.CounterId, cancellationToken);
        if (state is null)
            context.Session.Events.StartStream(command.CounterId, new Incremented(command.By));
        else
            context.Session.Events.Append(command.CounterId, state.Version + 1, new Incremented(command.By));
        if (command.AlsoPublish)
            context.Outbox.Publish(new PleaseIncrement(command.CounterId));
        return CommandResult.Accept(command.By);
    }
}

/// <summary>Its effect goes through the bus, so it is applied once per message whatever the deliveries.</summary>
public sealed class PleaseIncrementHandler : IMessageHandler<PleaseIncrement>
{
    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public async Task HandleAsync(PleaseIncrement message, MessageContext context, CancellationToken cancellationToken)
    {
        Deliveries.AddOrUpdate(context.MessageId, 1, (_, count) => count + 1);
        await context.InvokeAsync(new Increment(message.CounterId, 1), cancellationToken);
    }
}

/// <summary>Fails while <see cref="Failing"/> is set; counts its attempts.</summary>
public sealed class FlakyHandler : IMessageHandler<Flaky>
{
    private int _attempts;

    public bool Failing { get; set; } = true;
    public int Attempts => _attempts;
    public ConcurrentBag<string> Handled { get; } = [];

    public Task HandleAsync(Flaky message, MessageContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Failing)
            throw new InvalidOperationException("downstream unavailable");
        Handled.Add(message.Name);
        return Task.CompletedTask;
    }
}
