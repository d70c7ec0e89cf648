using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

public sealed record SideEffectReviewed(
    Guid PatientId,
    Guid SideEffectId,
    ReviewDecision Decision,
    string Notes,
    string ReviewedBy,
    DateTimeOffset ReviewedAt) : IPatientEvent;
