using Clinic.EventStore;
using Clinic.EventStore.Events;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Api.Health;

/// <summary>Ready means the database answers: reading the event feed's high-water mark exercises the store's schema too.</summary>
internal sealed class DatabaseHealthCheck(DocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            EventPosition position = await store.Feed.HighWaterMarkAsync(timeout.Token);
            return HealthCheckResult.Healthy($"event feed at {position}");
        }
        catch (Exception error) when (error is Npgsql.NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the database does not answer");
        }
    }
}
