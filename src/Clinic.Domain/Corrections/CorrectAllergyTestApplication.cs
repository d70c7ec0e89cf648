using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

/// <summary>Corrects what an allergy test dose held and when it was applied; a reading already taken must still fit it.</summary>
public sealed record CorrectAllergyTestApplication(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid TestId,
    IReadOnlyList<string> Substances,
    DateTimeOffset AppliedAt,
    ClinicPolicy Policy,
    DateTimeOffset RecordedAt) : IPatientCommand, ICorrection;
