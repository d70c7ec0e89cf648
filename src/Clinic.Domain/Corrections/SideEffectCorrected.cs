using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Domain.Corrections;

public sealed record SideEffectCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    SideEffectDetails Details,
    bool RequiresReview,
    DateTimeOffset? ReportDueAt) : IPatientEvent, ICorrection;
