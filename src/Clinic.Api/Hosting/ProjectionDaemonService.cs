using Clinic.EventStore.Daemon;

namespace Clinic.Api.Hosting;

/// <summary>Runs this node's projection daemon for as long as the web host runs.</summary>
internal sealed class ProjectionDaemonService(ProjectionDaemon daemon) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => daemon.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => daemon.StopAsync();
}
