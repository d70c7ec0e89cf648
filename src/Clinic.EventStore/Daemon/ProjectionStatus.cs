using Clinic.EventStore.Events;

namespace Clinic.EventStore.Daemon;

/// <summary>What this node's daemon knows of one projection.</summary>
/// <param name="HeldBack">When <see cref="ProjectionState.HeldBack"/>: the committed events it waits for, and the transaction that holds them back.</param>
public sealed record ProjectionStatus(string Name, ProjectionState State, EventPosition Position, string? LastError, FeedHoldBack? HeldBack = null);
