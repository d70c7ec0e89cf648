using Clinic.Domain.Patients;

namespace Clinic.Domain.Screening;

public sealed record PatientScreened(
    Guid PatientId,
    Guid ScreeningId,
    DateOnly ScreenedOn,
    ScreeningAnswers Answers,
    ScreeningAssessment Assessment) : IPatientEvent;
