using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

public sealed record ReviewRequest
{
    public required ReviewDecision Decision { get; init; }
    public required string Notes { get; init; }
}
