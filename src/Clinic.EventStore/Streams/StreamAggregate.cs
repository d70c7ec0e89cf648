namespace Clinic.EventStore.Streams;

/// <summary>A stream folded into state, with the version of the last event folded in.</summary>
public sealed record StreamAggregate<TState>(TState State, long Version);
