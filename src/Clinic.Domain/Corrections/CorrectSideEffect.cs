using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Domain.Corrections;

/// <summary>
/// Corrects a side effect's details. <see cref="ClinicianId"/> is the correcting clinician, null when whoever corrects
/// is not one: only a clinician lowers a severity or removes a seriousness criterion.
/// </summary>
public sealed record CorrectSideEffect(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SideEffectId,
    SideEffectDetails Details,
    string? ClinicianId,
    ClinicPolicy Policy,
    DateTimeOffset RecordedAt) : IPatientCommand, ICorrection;
