using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

public sealed record RegulatorNotified(
    Guid PatientId,
    Guid SideEffectId,
    DateTimeOffset NotifiedAt,
    string? Reference) : IPatientEvent;
