using Clinic.Api.Database;
using Clinic.EventStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Api.Health;

/// <summary>
/// Degraded while committed events have waited longer than <c>Clinic:HeldBackDegradedAfter</c> (default one
/// minute) behind an open transaction: async projections (histories, schedules, the audit trail) are stale
/// until it ends. Requests are still served, so readiness stays up; the description names the transaction.
/// </summary>
internal sealed class HeldBackEventsHealthCheck(DocumentStore store, DatabaseOutage outage, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var threshold = configuration.GetValue("Clinic:HeldBackDegradedAfter", TimeSpan.FromMinutes(1));
        try
        {
            var holdBack = await store.Feed.HoldBackAsync(cancellationToken);
            return holdBack.IsHoldingBack && holdBack.HeldFor > threshold
                ? HealthCheckResult.Degraded($"projections are stale: {holdBack}")
                : HealthCheckResult.Healthy(holdBack.ToString());
        }
        catch (Exception failure) when (DatabaseFailures.IsUnreachable(failure))
        {
            outage.Began(failure);
            return HealthCheckResult.Unhealthy(DatabaseHealthCheck.NoAnswer);
        }
    }
}
