using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

public sealed record ResolveSideEffect(
    Guid PatientId,
    Guid SideEffectId,
    DateTimeOffset ResolvedAt,
    SideEffectOutcome Outcome,
    [property: PersonalData] string? Notes,
    DateTimeOffset RecordedAt) : IPatientCommand;
