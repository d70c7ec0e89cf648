using Clinic.Domain.Patients;

namespace Clinic.Domain.AllergyTests;

public sealed record AllergyReadingFellDue(
    Guid PatientId,
    Guid TestId,
    DateTimeOffset DueAt,
    DateTimeOffset FlaggedAt) : IPatientEvent;
