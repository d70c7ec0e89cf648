using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Clinic.Api.Health;

internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static void AddClinicHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<HeldBackEventsHealthCheck>("held-back-events", tags: [ReadyTag]);

    /// <summary>
    /// /health/live: the process serves requests. /health/ready: it can also reach its database (Degraded, still
    /// 200, while events wait too long behind an open transaction).
    /// </summary>
    public static void MapClinicHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }
}
