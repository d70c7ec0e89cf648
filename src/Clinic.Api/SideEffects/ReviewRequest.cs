using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

public sealed record ReviewRequest
{
    public required ReviewDecision Decision { get; init; }
    [MaxLength(RequestLimits.Text)]
    public required string Notes { get; init; }
}
