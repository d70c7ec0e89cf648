namespace Clinic.Api.Tests.Support;

/// <summary>Waits for what Wolverine, the daemon or a webhook does in the background.</summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static Task<T> WaitForAsync<T>(Func<T?> probe) where T : class => WaitForAsync(() => Task.FromResult(probe()));

    /// <summary>Probes until it returns something (not null), for at most 20 seconds.</summary>
    public static Task<T> WaitForAsync<T>(Func<Task<T?>> probe) => WaitForAsync(probe, Patience);

    /// <summary>Probes until it returns something (not null), for at most <paramref name="patience"/>.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (await probe() is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("What the test waited for did not happen in time.");
            await Task.Delay(50);
        }
    }
}
