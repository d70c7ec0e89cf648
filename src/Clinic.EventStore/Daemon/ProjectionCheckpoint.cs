using Clinic.EventStore.Events;

namespace Clinic.EventStore.Daemon;

/// <summary>How far a projection has applied the event feed, and whether a rebuild asked it to stand aside.</summary>
public sealed record ProjectionCheckpoint(string Name, EventPosition Position, DateTimeOffset? RebuildRequestedAt, DateTimeOffset UpdatedAt);
