using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

public sealed record SideEffectReviewed(
    Guid PatientId,
    Guid SideEffectId,
    ReviewDecision Decision,
    string Notes,
    Guid ReviewedBy,
    DateTimeOffset ReviewedAt) : IPatientEvent;
