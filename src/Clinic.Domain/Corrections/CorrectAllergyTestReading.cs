using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

public sealed record CorrectAllergyTestReading(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid TestId,
    AllergyReading Reading,
    ClinicPolicy Policy,
    DateTimeOffset RecordedAt) : IPatientCommand, ICorrection;
