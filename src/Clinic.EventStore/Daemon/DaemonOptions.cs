namespace Clinic.EventStore.Daemon;

public sealed class DaemonOptions
{
    /// <summary>Most events applied in one transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long a caught-up projection waits before looking for new events (appends in this process wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a node that does not run a projection checks whether it may take it over.</summary>
    public TimeSpan LeadershipPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait after a failure; it doubles up to <see cref="MaxErrorBackoff"/>.</summary>
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxErrorBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
