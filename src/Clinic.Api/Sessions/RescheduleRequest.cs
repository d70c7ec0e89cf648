using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;

namespace Clinic.Api.Sessions;

public sealed record RescheduleRequest
{
    public required DateTimeOffset StartsAt { get; init; }
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
    public IntervalOverrideRequest? IntervalOverride { get; init; }
}
