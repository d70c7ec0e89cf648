using System.Threading.Channels;
using Clinic.Messaging.Delivery;

namespace Clinic.Messaging.Tests.Sample;

public sealed record Gated(string Name);

/// <summary>Holds every delivery until the test lets it succeed or fail, so a test controls how long a batch runs.</summary>
public sealed class GatedHandler : IMessageHandler<Gated>
{
    private readonly Channel<Delivery> _entered = Channel.CreateUnbounded<Delivery>();
    private int _deliveries;

    public int Deliveries => _deliveries;

    public async Task HandleAsync(Gated message, MessageContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _deliveries);
        var delivery = new Delivery();
        _entered.Writer.TryWrite(delivery);
        await delivery.Released.WaitAsync(cancellationToken);
    }

    /// <summary>The next delivery that entered the handler (and waits there).</summary>
    public async Task<Delivery> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _entered.Reader.ReadAsync(timeout.Token);
    }

    public sealed class Delivery
    {
        private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Task Released => _outcome.Task;

        public void Succeed() => _outcome.SetResult();

        public void Fail() => _outcome.SetException(new InvalidOperationException("the gated delivery failed"));
    }
}
