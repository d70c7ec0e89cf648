using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;

namespace Clinic.Api.SideEffects;

public sealed record RegulatorNotificationRequest
{
    /// <summary>When the regulator was notified; now when not given.</summary>
    public DateTimeOffset? NotifiedAt { get; init; }

    /// <summary>The regulator's case reference, when it gave one.</summary>
    [MaxLength(RequestLimits.Name)]
    public string? Reference { get; init; }
}
