using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Screening;

public sealed record ScreenPatient(
    Guid PatientId,
    Guid ScreeningId,
    DateOnly ScreenedOn,
    ScreeningAnswers Answers,
    ClinicPolicy Policy,
    DateTimeOffset RecordedAt) : IPatientCommand;
