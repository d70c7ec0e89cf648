using Marten.Events.Daemon;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Clinic.Api.Health;

internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";
    private const string DaemonTag = "AsyncDaemon";

    public static void AddClinicHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            // Marten's: unhealthy when an async projection is more than 10,000 events behind, or has not moved for a minute while behind.
            .AddMartenAsyncDaemonHealthCheck(maxEventLag: 10_000, maxSameLagTime: TimeSpan.FromMinutes(1));

    /// <summary>
    /// /health/live: the process serves requests. /health/ready: it can also reach its database, and the async
    /// projections keep up (Marten's daemon health check).
    /// </summary>
    public static void MapClinicHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) || check.Tags.Contains(DaemonTag) }).AllowAnonymous();
    }
}
