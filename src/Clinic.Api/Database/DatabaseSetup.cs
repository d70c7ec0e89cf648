namespace Clinic.Api.Database;

/// <summary>How the API lives through a database out of reach: outages tracked and logged once, the embedded server supervised.</summary>
internal static class DatabaseSetup
{
    public static void AddDatabaseSupervision(this IServiceCollection services, ClinicDatabase database)
    {
        services.AddSingleton<DatabaseOutage>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseOutage>());
        ClinicLoggerProvider.WrapProviders(services);
        if (database.Embedded is { } cluster)
            services.AddHostedService(provider => new EmbeddedDatabaseSupervisor(cluster, provider.GetRequiredService<ILogger<EmbeddedDatabaseSupervisor>>()));
    }
}
