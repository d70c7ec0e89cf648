using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Domain.Corrections;

/// <summary>Corrects a side effect's details; whether it needs review, and its reporting deadline, follow them.</summary>
public sealed record CorrectSideEffect(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    SideEffectDetails Details,
    ClinicPolicy Policy,
    DateTimeOffset RecordedAt) : IPatientCommand, ICorrection;
