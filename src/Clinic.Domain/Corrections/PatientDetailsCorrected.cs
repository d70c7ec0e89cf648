using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

public sealed record PatientDetailsCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    PatientDetails Details) : IPatientEvent, ICorrection;
