using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Sessions;

/// <summary>The performed-session record (primer 002, 003).</summary>
public sealed record PerformedTreatment(
    IReadOnlyList<ProductUsed> Products,
    decimal DepthMm,
    Technique Technique,
    IReadOnlyList<TreatmentArea> Areas,
    bool AnestheticCream,
    int DurationMinutes,
    bool AftercareGiven,
    string? Notes);
