using Clinic.Messaging.Delivery;

namespace Clinic.Benchmarks.Messages;

/// <summary>
/// The handler both sides deliver to: it only counts, so the workload measures delivery itself. The sum
/// of the numbers checks that every message was handled exactly once.
/// </summary>
public sealed class PingCounter : IMessageHandler<Ping>
{
    private long _handled;
    private long _sum;

    public long Handled => Interlocked.Read(ref _handled);
    public long Sum => Interlocked.Read(ref _sum);

    public Task HandleAsync(Ping message, MessageContext context, CancellationToken cancellationToken)
    {
        Count(message);
        return Task.CompletedTask;
    }

    public void Count(Ping message)
    {
        Interlocked.Increment(ref _handled);
        Interlocked.Add(ref _sum, message.Number);
    }
}
