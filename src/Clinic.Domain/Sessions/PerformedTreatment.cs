using Clinic.Domain.Common;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Sessions;

/// <summary>
/// The performed-session record (primer 002, 003). <see cref="DepthMm"/> is null for a needle-free delivery. The members
/// after <see cref="Notes"/> were added later (issue 13): records stored before them read with no delivery, no
/// anesthetic time, no aftercare list, no confirmation and no deviation (their yes/no for aftercare stays in the stored data).
/// </summary>
public sealed record PerformedTreatment(
    IReadOnlyList<ProductUsed> Products,
    decimal? DepthMm,
    Technique Technique,
    IReadOnlyList<TreatmentArea> Areas,
    bool AnestheticCream,
    int DurationMinutes,
    [property: PersonalData] string? Notes,
    Delivery? Delivery = null,
    DateTimeOffset? AnestheticAppliedAt = null,
    IReadOnlyList<AftercareInstruction>? Aftercare = null,
    bool NoRecentAntiInflammatoriesConfirmed = false,
    TreatmentDeviation? Deviation = null);
