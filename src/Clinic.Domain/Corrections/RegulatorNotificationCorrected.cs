using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

public sealed record RegulatorNotificationCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    DateTimeOffset NotifiedAt,
    string? Reference) : IPatientEvent, ICorrection;
