using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

public sealed record CorrectPatientDetails(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    PatientDetails Details,
    DateTimeOffset RecordedAt) : IPatientCommand, ICorrection;
