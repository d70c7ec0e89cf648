using Clinic.Api.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Api.Health;

/// <summary>Ready means the database answers: reading the event feed's high-water mark exercises the store's schema too.</summary>
internal sealed class DatabaseHealthCheck(DatabaseOutage outage) : IHealthCheck
{
    internal const string NoAnswer = "the database does not answer";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await outage.ProbeAsync(cancellationToken) is { } position
            ? HealthCheckResult.Healthy($"event feed at {position}")
            : HealthCheckResult.Unhealthy(NoAnswer);
}
