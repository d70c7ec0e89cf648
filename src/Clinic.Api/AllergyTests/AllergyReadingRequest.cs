using Clinic.Domain.AllergyTests;

namespace Clinic.Api.AllergyTests;

public sealed record AllergyReadingRequest
{
    public required DateTimeOffset ReadAt { get; init; }
    public required bool Reaction { get; init; }
    public IReadOnlyList<string> ReactedSubstances { get; init; } = [];
    public string? Notes { get; init; }

    public AllergyReading ToReading() => new(ReadAt, Reaction, ReactedSubstances, Notes);
}
