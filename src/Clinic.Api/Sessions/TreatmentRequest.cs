using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.Sessions;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.Sessions;

/// <summary>What was done in a session: the body of a performed-session record, and of its correction.</summary>
public record TreatmentRequest
{
    public required InjectionMethod InjectionMethod { get; init; }
    public required InjectionDevice InjectionDevice { get; init; }

    /// <summary>Required for a needle, absent for a needle-free delivery.</summary>
    public decimal? DepthMm { get; init; }

    public required Technique Technique { get; init; }
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<TreatmentArea> Areas { get; init; }

    /// <summary>When anesthetic cream was applied (30 to 40 minutes before the session); absent when none was.</summary>
    public DateTimeOffset? AnestheticAppliedAt { get; init; }

    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<ProductRequest> Products { get; init; }

    /// <summary>How long the session took; the booked duration when not given.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>The aftercare instructions given (primer 002): at least one, never assumed.</summary>
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<AftercareInstruction> Aftercare { get; init; }

    /// <summary>The practitioner confirmed the patient took no NSAID, aspirin or anti-inflammatory steroid in the last 7 days (seed 001).</summary>
    public required bool NoRecentAntiInflammatories { get; init; }

    /// <summary>Areas or technique other than the plan's: a clinician's decision, with its reason.</summary>
    public DeviationRequest? Deviation { get; init; }

    [MaxLength(RequestLimits.Text)]
    public string? Notes { get; init; }

    /// <summary><paramref name="clinicianId"/> is the caller when a clinician, who alone may deviate from the plan.</summary>
    public PerformedTreatment ToTreatment(int bookedMinutes, string? clinicianId) => new(
        Products.Select(p => new ProductUsed(p.Name, p.LotNumber, p.VolumeMl, p.Substances)).ToList(),
        DepthMm, Technique, Areas, AnestheticCream: AnestheticAppliedAt is not null, DurationMinutes ?? bookedMinutes, Notes,
        new Delivery(InjectionMethod, InjectionDevice), AnestheticAppliedAt, Aftercare, NoRecentAntiInflammatories,
        Deviation is null ? null : new TreatmentDeviation(Deviation.Reason, clinicianId));
}
