using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;

namespace Clinic.Api.AllergyTests;

public sealed record AllergyTestRequest
{
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<string> Substances { get; init; }
    public required DateTimeOffset AppliedAt { get; init; }
}
