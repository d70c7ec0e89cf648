using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

public sealed record SideEffectReviewed(
    Guid PatientId,
    Guid SideEffectId,
    ReviewDecision Decision,
    [property: PersonalData] string Notes,
    string ReviewedBy,
    DateTimeOffset ReviewedAt) : IPatientEvent;
