namespace Clinic.Domain.Sessions;

/// <summary>A product injected, with its lot (batch) number, volume and the substances it contains.</summary>
public sealed record ProductUsed(string Name, string LotNumber, decimal VolumeMl, IReadOnlyList<string> Substances);
