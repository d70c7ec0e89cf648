using Clinic.Domain.Patients;

namespace Clinic.Domain.Signatures;

public sealed record SessionSigned(Guid PatientId, Guid SessionId, Signature Signature) : IPatientEvent;
