using Clinic.EventStore.Events;

namespace Clinic.EventStore.Daemon;

/// <summary>What this node's daemon knows of one projection.</summary>
public sealed record ProjectionStatus(string Name, ProjectionState State, EventPosition Position, string? LastError);
