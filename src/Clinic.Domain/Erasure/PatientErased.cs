using Clinic.Domain.Patients;

namespace Clinic.Domain.Erasure;

/// <summary>
/// The patient's personal data was erased (her key destroyed); her clinical facts stay, under her id alone.
/// <paramref name="ValidlySigned"/> are the records (sessions, side-effect reviews) whose latest signature still signed
/// their content when she was erased: afterwards their notes no longer read, and the content cannot be hashed again.
/// </summary>
public sealed record PatientErased(Guid PatientId, DateTimeOffset ErasedAt, string Reason, bool LegalObligation, IReadOnlyList<Guid> ValidlySigned) : IPatientEvent;
