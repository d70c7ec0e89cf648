using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

/// <summary>
/// <see cref="RequiresReview"/>: serious or severe-or-worse, so treatment is suspended until a clinician reviews it,
/// and the regulator must be notified by <see cref="ReportDueAt"/>.
/// </summary>
public sealed record SideEffectReported(
    Guid PatientId,
    Guid SideEffectId,
    SideEffectDetails Details,
    ReportedBy ReportedBy,
    bool RequiresReview,
    DateTimeOffset? ReportDueAt) : IPatientEvent;
