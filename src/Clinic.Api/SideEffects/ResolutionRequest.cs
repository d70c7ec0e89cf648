using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

public sealed record ResolutionRequest
{
    public required DateTimeOffset ResolvedAt { get; init; }
    public required SideEffectOutcome Outcome { get; init; }
    public string? Notes { get; init; }
}
