using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

/// <summary>Corrects when the regulator was notified of a side effect and the case reference it gave.</summary>
public sealed record CorrectRegulatorNotification(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    DateTimeOffset NotifiedAt,
    string? Reference,
    DateTimeOffset RecordedAt) : IPatientCommand, ICorrection;
