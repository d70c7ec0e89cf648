using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

public sealed record ResolutionRequest
{
    public required DateTimeOffset ResolvedAt { get; init; }
    public required SideEffectOutcome Outcome { get; init; }
    [MaxLength(RequestLimits.Text)]
    public string? Notes { get; init; }
}
