using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.AllergyTests;

namespace Clinic.Api.AllergyTests;

public sealed record AllergyReadingRequest
{
    public required DateTimeOffset ReadAt { get; init; }
    public required bool Reaction { get; init; }
    [MaxLength(RequestLimits.Items)]
    public IReadOnlyList<string> ReactedSubstances { get; init; } = [];
    [MaxLength(RequestLimits.Text)]
    public string? Notes { get; init; }

    public AllergyReading ToReading() => new(ReadAt, Reaction, ReactedSubstances, Notes);
}
