using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Domain.AllergyTests;

public sealed record ReadAllergyTest(
    Guid PatientId, Guid TestId, AllergyReading Reading, ClinicPolicy Policy, DateTimeOffset RecordedAt) : IPatientCommand;
