using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

public sealed record SideEffectReviewCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    [property: PersonalData] string Notes) : IPatientEvent, ICorrection;
