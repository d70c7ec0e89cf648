using Clinic.Api.Messaging;
using Clinic.Domain.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Api.Database;

/// <summary>
/// Wraps each logging provider with two rules the libraries cannot be told. Wolverine logs a message that failed under
/// a category named after its type, quoting the message, and the clinic's messages hold patients' data: those
/// categories write nothing (the failure is still in the response, or in the dead letters). And the background work of
/// Marten, Wolverine and the health checks is quiet while the database is out of reach (<see cref="OutageQuietLogger"/>).
/// </summary>
internal sealed class ClinicLoggerProvider(ILoggerProvider inner, IServiceProvider services) : ILoggerProvider
{
    private static readonly HashSet<string> MessageCategories =
    [
        .. typeof(IDomainEvent).Assembly.GetExportedTypes().Select(type => type.FullName!),
        .. typeof(IClinicMessage).Assembly.GetExportedTypes().Where(type => type.IsAssignableTo(typeof(IClinicMessage))).Select(type => type.FullName!),
    ];

    private static readonly string[] BackgroundCategories =
        ["Marten.", "Wolverine.", "JasperFx.", "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService"];

    public ILogger CreateLogger(string categoryName) =>
        MessageCategories.Contains(categoryName) ? NullLogger.Instance
        : BackgroundCategories.Any(categoryName.StartsWith) ? new OutageQuietLogger(inner.CreateLogger(categoryName), services.GetRequiredService<DatabaseOutage>)
        : inner.CreateLogger(categoryName);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps every logging provider registered so far.</summary>
    public static void WrapProviders(IServiceCollection services)
    {
        var providers = services.Where(descriptor => descriptor.ServiceType == typeof(ILoggerProvider)).ToList();
        foreach (var provider in providers)
        {
            services.Remove(provider);
            services.AddSingleton<ILoggerProvider>(serviceProvider => new ClinicLoggerProvider(Resolve(provider, serviceProvider), serviceProvider));
        }
    }

    private static ILoggerProvider Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
