using Clinic.Domain.Patients;

namespace Clinic.Domain.Erasure;

/// <summary>The patient's personal data was erased (her key destroyed); her clinical facts stay, under her id alone.</summary>
public sealed record PatientErased(Guid PatientId, DateTimeOffset ErasedAt, string Reason, bool LegalObligation) : IPatientEvent;
