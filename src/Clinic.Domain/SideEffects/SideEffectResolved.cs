using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

public sealed record SideEffectResolved(
    Guid PatientId,
    Guid SideEffectId,
    DateTimeOffset ResolvedAt,
    SideEffectOutcome Outcome,
    [property: PersonalData] string? Notes) : IPatientEvent;
