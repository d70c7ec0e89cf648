using Clinic.Messaging.Delivery;

namespace Clinic.Api.Hosting;

/// <summary>Runs this node's message dispatcher for as long as the web host runs.</summary>
internal sealed class MessageDispatcherService(MessageDispatcher dispatcher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => dispatcher.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => dispatcher.StopAsync();
}
