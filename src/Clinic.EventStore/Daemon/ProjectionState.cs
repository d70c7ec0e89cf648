namespace Clinic.EventStore.Daemon;

public enum ProjectionState
{
    /// <summary>Another node runs it, or nobody has yet: this node checks now and then whether it may.</summary>
    Standby,

    /// <summary>This node runs it and is applying events.</summary>
    Running,

    /// <summary>This node runs it and has applied every event it can see.</summary>
    CaughtUp,

    /// <summary>The last attempt failed; this node retries after a back-off.</summary>
    Failing,

    /// <summary>A rebuild asked the node running it to stand aside.</summary>
    Paused,

    Stopped,
}
