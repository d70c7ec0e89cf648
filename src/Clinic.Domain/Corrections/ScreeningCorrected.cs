using Clinic.Domain.Patients;
using Clinic.Domain.Screening;

namespace Clinic.Domain.Corrections;

public sealed record ScreeningCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid ScreeningId,
    DateOnly ScreenedOn,
    ScreeningAnswers Answers,
    ScreeningAssessment Assessment) : IPatientEvent, ICorrection;
