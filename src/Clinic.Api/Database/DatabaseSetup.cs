using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Api.Database;

/// <summary>How the API lives through a database out of reach: outages tracked and logged once, the embedded server supervised.</summary>
internal static class DatabaseSetup
{
    public static void AddDatabaseSupervision(this IServiceCollection services, ClinicDatabase database)
    {
        services.AddSingleton<DatabaseOutage>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseOutage>());
        AddOutageQuietLogger(services, typeof(Marten.Events.Daemon.Coordination.ProjectionCoordinator));
        // Internal to the framework: it logs every unhealthy readiness check at Error.
        AddOutageQuietLogger(services, typeof(HealthCheckService).Assembly.GetType(
            "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", throwOnError: true)!);
        if (database.Embedded is { } cluster)
            services.AddHostedService(provider => new EmbeddedDatabaseSupervisor(cluster, provider.GetRequiredService<ILogger<EmbeddedDatabaseSupervisor>>()));
    }

    private static void AddOutageQuietLogger(IServiceCollection services, Type category) =>
        services.AddSingleton(typeof(ILogger<>).MakeGenericType(category), typeof(OutageQuietLogger<>).MakeGenericType(category));
}
