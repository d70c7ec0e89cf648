namespace Clinic.EventStore.Daemon;

/// <summary>How far a rebuild has come: events (async projections) or streams (inline ones) done out of the total seen at the start.</summary>
public sealed record RebuildProgress(string Projection, string Unit, long Done, long Total);
