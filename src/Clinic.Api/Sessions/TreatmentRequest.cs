using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.Sessions;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.Sessions;

/// <summary>What was done in a session: the body of a performed-session record, and of its correction.</summary>
public record TreatmentRequest
{
    public required decimal DepthMm { get; init; }
    public required Technique Technique { get; init; }
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<TreatmentArea> Areas { get; init; }
    public required bool AnestheticCream { get; init; }
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<ProductRequest> Products { get; init; }

    /// <summary>How long the session took; the booked duration when not given.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>Whether the aftercare instructions (primer 002) were given.</summary>
    public bool AftercareGiven { get; init; } = true;

    [MaxLength(RequestLimits.Text)]
    public string? Notes { get; init; }

    public PerformedTreatment ToTreatment(int bookedMinutes) => new(
        Products.Select(p => new ProductUsed(p.Name, p.LotNumber, p.VolumeMl, p.Substances)).ToList(),
        DepthMm, Technique, Areas, AnestheticCream, DurationMinutes ?? bookedMinutes, AftercareGiven, Notes);
}
