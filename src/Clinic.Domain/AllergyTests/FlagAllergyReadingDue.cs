using Clinic.Domain.Patients;

namespace Clinic.Domain.AllergyTests;

/// <summary>Sent by a scheduler: <see cref="AsOf"/> is its clock.</summary>
public sealed record FlagAllergyReadingDue(Guid PatientId, Guid TestId, DateTimeOffset AsOf) : IPatientCommand;
