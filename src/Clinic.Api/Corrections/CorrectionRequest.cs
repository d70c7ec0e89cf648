using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Clinic.Api.Http;

namespace Clinic.Api.Corrections;

/// <summary>
/// Corrects the fact recorded by event <see cref="EventId"/> (an id from the patient's timeline): <see cref="Values"/>
/// has the shape of the request that recorded it, with the right values.
/// </summary>
public sealed record CorrectionRequest
{
    public required Guid EventId { get; init; }
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
    public required JsonElement Values { get; init; }
}
