namespace Clinic.EventStore.Daemon;

public enum ProjectionState
{
    /// <summary>Another node runs it, or nobody has yet: this node checks now and then whether it may.</summary>
    Standby,

    /// <summary>This node runs it and is applying events.</summary>
    Running,

    /// <summary>This node runs it and has applied every committed event.</summary>
    CaughtUp,

    /// <summary>
    /// This node runs it and has applied every event it may, but committed events wait behind an older
    /// transaction still open somewhere in the cluster (see <see cref="ProjectionStatus.HeldBack"/>).
    /// </summary>
    HeldBack,

    /// <summary>The last attempt failed; this node retries after a back-off.</summary>
    Failing,

    /// <summary>A rebuild asked the node running it to stand aside.</summary>
    Paused,

    Stopped,
}
