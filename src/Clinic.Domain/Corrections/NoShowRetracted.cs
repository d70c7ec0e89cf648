using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

public sealed record NoShowRetracted(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SessionId) : IPatientEvent, ICorrection;
