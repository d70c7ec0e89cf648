namespace Clinic.Api.Integrity;

/// <summary>
/// Takes a checkpoint of every clinic whose streams changed, every <see cref="IntegritySettings.CheckpointInterval"/>.
/// Several API nodes may each run it: a clinic's checkpoints are taken one at a time, and one with nothing new is skipped.
/// </summary>
internal sealed class CheckpointSchedule(IntegritySettings settings, CheckpointStore checkpoints, TimeProvider clock, ILogger<CheckpointSchedule> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.CheckpointInterval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(settings.CheckpointInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await TakeAllAsync(stoppingToken);
    }

    private async Task TakeAllAsync(CancellationToken ct)
    {
        try
        {
            foreach (var clinic in await checkpoints.ClinicsAsync(ct))
                await checkpoints.TakeIfChangedAsync(clinic, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The next tick tries again: a database that is away now may be back by then.
            logger.LogWarning(failure, "The scheduled checkpoints could not be taken.");
        }
    }
}
