using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Domain.Corrections;

public sealed record CorrectSideEffectResolution(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    DateTimeOffset ResolvedAt,
    SideEffectOutcome Outcome,
    [property: PersonalData] string? Notes,
    DateTimeOffset RecordedAt) : IPatientCommand, ICorrection;
