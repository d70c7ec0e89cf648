using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

public sealed record SideEffectRequest
{
    public Guid? SessionId { get; init; }
    public required SideEffectKind Kind { get; init; }
    public required Severity Severity { get; init; }
    public required bool Serious { get; init; }
    [MaxLength(RequestLimits.Items)]
    public IReadOnlyList<Seriousness> Seriousness { get; init; } = [];
    public required DateTimeOffset OnsetAt { get; init; }

    /// <summary>When the clinic first learned of it (reporting clocks start here); now when not given.</summary>
    public DateTimeOffset? AwareAt { get; init; }

    [MaxLength(RequestLimits.Text)]
    public required string Description { get; init; }
    public required ReportedBy ReportedBy { get; init; }

    public SideEffectDetails ToDetails(DateTimeOffset now) =>
        new(SessionId, Kind, Severity, Serious, Seriousness, OnsetAt, AwareAt ?? now, Description);
}
