using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;

namespace Clinic.Api.Sessions;

public sealed record ProductRequest
{
    [MaxLength(RequestLimits.Name)]
    public required string Name { get; init; }
    [MaxLength(RequestLimits.Name)]
    public required string LotNumber { get; init; }
    public required decimal VolumeMl { get; init; }
    [MaxLength(RequestLimits.Items)]
    public IReadOnlyList<string> Substances { get; init; } = [];
}
