using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Domain.Corrections;

/// <summary>
/// <see cref="RequiresReview"/> and <see cref="ReportDueAt"/> are what the side effect requires after the correction.
/// <see cref="ClinicianId"/> is the clinician who corrected it, when one did (null in events recorded before it existed).
/// <see cref="ReopensReview"/>: the correction made a reviewed side effect graver, so the review no longer covers it and
/// it awaits a new one (false in events recorded before it existed).
/// </summary>
public sealed record SideEffectCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    SideEffectDetails Details,
    bool RequiresReview,
    DateTimeOffset? ReportDueAt,
    string? ClinicianId = null,
    bool ReopensReview = false) : IPatientEvent, ICorrection;
