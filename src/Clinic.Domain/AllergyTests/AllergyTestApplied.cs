using Clinic.Domain.Patients;

namespace Clinic.Domain.AllergyTests;

public sealed record AllergyTestApplied(
    Guid PatientId,
    Guid TestId,
    IReadOnlyList<string> Substances,
    DateTimeOffset AppliedAt) : IPatientEvent;
