using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

public sealed record SideEffectReviewCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    string Notes) : IPatientEvent, ICorrection;
