using Clinic.Domain.Patients;

namespace Clinic.Domain.Consent;

public sealed record ConsentRecorded(Guid PatientId, Guid ConsentId, ConsentTerms Terms) : IPatientEvent;
