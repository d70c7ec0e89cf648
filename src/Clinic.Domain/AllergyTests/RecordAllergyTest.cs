using Clinic.Domain.Patients;

namespace Clinic.Domain.AllergyTests;

/// <summary>A test dose of the substances was applied (primer 002: 24 hours before treatment).</summary>
public sealed record RecordAllergyTest(
    Guid PatientId,
    Guid TestId,
    IReadOnlyList<string> Substances,
    DateTimeOffset AppliedAt,
    DateTimeOffset RecordedAt) : IPatientCommand;
