using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

public sealed record SideEffectReportOverdue(
    Guid PatientId,
    Guid SideEffectId,
    DateTimeOffset DueAt,
    DateTimeOffset EscalatedAt) : IPatientEvent;
