namespace Clinic.Api.Erasure;

/// <summary>
/// Runs the <see cref="RetentionReview"/> every <c>Clinic:RetentionReviewInterval</c> (a day by default; zero: never) on
/// every node: a retention end already recorded is not recorded again.
/// </summary>
internal sealed class RetentionReviewSchedule(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RetentionReviewSchedule> logger)
    : BackgroundService
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Clinic:RetentionReviewInterval", DefaultInterval);
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var recorded = await scope.ServiceProvider.GetRequiredService<RetentionReview>().RunAsync(stoppingToken);
                logger.LogInformation("Retention review: {Recorded} retention periods ended", recorded);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "Retention review failed; it runs again in {Interval}", interval);
            }
        }
    }
}
