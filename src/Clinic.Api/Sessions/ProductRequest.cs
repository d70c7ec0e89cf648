namespace Clinic.Api.Sessions;

public sealed record ProductRequest
{
    public required string Name { get; init; }
    public required string LotNumber { get; init; }
    public required decimal VolumeMl { get; init; }
    public IReadOnlyList<string> Substances { get; init; } = [];
}
