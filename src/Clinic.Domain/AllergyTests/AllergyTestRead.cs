using Clinic.Domain.Patients;

namespace Clinic.Domain.AllergyTests;

public sealed record AllergyTestRead(Guid PatientId, Guid TestId, AllergyReading Reading) : IPatientEvent;
