using Clinic.Domain.Patients;

namespace Clinic.Domain.Signatures;

public sealed record SideEffectReviewSigned(Guid PatientId, Guid SideEffectId, Signature Signature) : IPatientEvent;
