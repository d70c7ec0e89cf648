using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

/// <summary><see cref="Reference"/> is the regulator's case reference, when it gave one.</summary>
public sealed record RecordRegulatorNotification(
    Guid PatientId,
    Guid SideEffectId,
    DateTimeOffset NotifiedAt,
    string? Reference,
    DateTimeOffset RecordedAt) : IPatientCommand;
