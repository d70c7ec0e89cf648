using JasperFx.Events.Daemon;
using Wolverine;

namespace Clinic.Api.Hosting;

/// <summary>
/// The <c>Cluster</c> section: how soon the API nodes sharing one database notice that one of them has died, and take
/// over what it ran (docs/operations.md, Two nodes and more).
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>
    /// How often each node's daemon tries to take the async projections that no node runs (Marten's
    /// <c>LeadershipPollingTime</c>): a projection whose node died runs again on another within about this long, plus its start.
    /// </summary>
    public TimeSpan ProjectionTakeoverPolling { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often each node writes Wolverine's heartbeat, its leader is elected again if gone and reassigns agents, and
    /// the messages of nodes found dead are released to the others.
    /// </summary>
    public TimeSpan NodeHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A node without a heartbeat this long (seen twice in a row) is dead: its messages and agents go to the others.</summary>
    public TimeSpan StaleNodeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public static ClusterSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<ClusterSettings>() ?? new ClusterSettings();
        settings.Validate();
        return settings;
    }

    /// <summary>Refuses timings under which a live node would be taken for dead between two of its heartbeats.</summary>
    public void Validate()
    {
        if (ProjectionTakeoverPolling <= TimeSpan.Zero || NodeHeartbeatInterval <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:ProjectionTakeoverPolling and {Section}:NodeHeartbeatInterval must be positive.");
        if (StaleNodeTimeout < 3 * NodeHeartbeatInterval)
            throw new InvalidOperationException($"{Section}:StaleNodeTimeout must be at least three {Section}:NodeHeartbeatInterval.");
    }

    public void ApplyTo(DaemonSettings projections) =>
        projections.LeadershipPollingTime = (int)ProjectionTakeoverPolling.TotalMilliseconds;

    public void ApplyTo(DurabilitySettings durability)
    {
        durability.HealthCheckPollingTime = NodeHeartbeatInterval;
        // The sweep releases the messages of the nodes the leader has dropped: it looks as often as the leader does.
        durability.OrphanedMessageSweepPollingTime = NodeHeartbeatInterval;
        durability.StaleNodeTimeout = StaleNodeTimeout;
    }
}
