using Clinic.Domain.Patients;

namespace Clinic.Domain.Consent;

public sealed record RecordConsent(Guid PatientId, Guid ConsentId, ConsentTerms Terms, DateTimeOffset RecordedAt) : IPatientCommand;
