using Clinic.LocalCluster;

namespace Clinic.Api.Database;

/// <summary>
/// Keeps the embedded PostgreSQL server running while the API runs: every second it checks that the server's
/// postmaster is alive and, when it is not (killed, crashed, stopped by hand), starts it again on the same port,
/// waiting longer after each start that fails (1 s, doubling to 30 s). One line is logged per start. Only the
/// process that owns the cluster does this; one that borrowed it (from an API still running) takes it over once
/// that owner has ended.
/// </summary>
internal sealed class EmbeddedDatabaseSupervisor(PostgresCluster cluster, ILogger<EmbeddedDatabaseSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = FirstBackoff;
        using var checks = new PeriodicTimer(CheckInterval);
        while (await checks.WaitForNextTickAsync(stoppingToken))
        {
            if (cluster.IsServerRunning() || !cluster.TryTakeOwnership())
                continue;
            if (await TryRestartAsync(backoff, stoppingToken))
            {
                backoff = FirstBackoff;
                continue;
            }
            await Task.Delay(backoff, stoppingToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task<bool> TryRestartAsync(TimeSpan backoff, CancellationToken stopping)
    {
        try
        {
            await cluster.RestartAsync(stopping);
            logger.LogWarning("The embedded PostgreSQL server in {Folder} was not running; it was started again on port {Port}",
                cluster.DataDirectory, cluster.Port);
            return true;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // pg_ctl's output and the server log's tail, in the exception's message, may quote data: the log is named, not quoted.
            logger.LogError(
                "The embedded PostgreSQL server in {Folder} is not running and starting it again failed ({ErrorType}); trying again in {Backoff} (see {ServerLog})",
                cluster.DataDirectory, failure.GetType().Name, backoff, cluster.ServerLogPath);
            return false;
        }
    }
}
