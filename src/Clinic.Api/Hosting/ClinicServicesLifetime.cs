namespace Clinic.Api.Hosting;

/// <summary>
/// Closes the store and stops an embedded database when the host stops. Registered before the daemon and
/// Wolverine, so it stops after them and everything else that uses the store.
/// </summary>
internal sealed class ClinicServicesLifetime(ClinicServices services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await services.DisposeAsync();
}
