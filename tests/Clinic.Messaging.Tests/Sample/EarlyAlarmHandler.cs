using System.Collections.Concurrent;
using Clinic.Messaging.Delivery;

namespace Clinic.Messaging.Tests.Sample;

public sealed record Alarm(string Name);

/// <summary>Finds its first <see cref="EarlyDeliveries"/> deliveries too early and asks for them again after <see cref="Delay"/>.</summary>
public sealed class EarlyAlarmHandler : IMessageHandler<Alarm>
{
    public int EarlyDeliveries { get; set; }
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(20);
    public ConcurrentQueue<int> Attempts { get; } = new();
    public ConcurrentBag<string> Handled { get; } = [];

    public Task HandleAsync(Alarm message, MessageContext context, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(context.Attempt);
        if (Attempts.Count <= EarlyDeliveries)
            context.Reschedule(Delay);
        else
            Handled.Add(message.Name);
        return Task.CompletedTask;
    }
}
