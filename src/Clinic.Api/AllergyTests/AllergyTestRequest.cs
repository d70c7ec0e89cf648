namespace Clinic.Api.AllergyTests;

public sealed record AllergyTestRequest
{
    public required IReadOnlyList<string> Substances { get; init; }
    public required DateTimeOffset AppliedAt { get; init; }
}
