using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;

namespace Clinic.Domain.Corrections;

/// <summary>
/// Corrects what a performed session recorded: products, lots, volumes, depth, areas and the rest. As the record
/// itself, it is made by <see cref="CorrectedBy"/> when that is the user the session's practitioner is linked to
/// (<see cref="PractitionerUserId"/>, which the caller reads from the practitioner's stream) or a clinician.
/// </summary>
public sealed record CorrectSessionRecord(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SessionId,
    PerformedTreatment Treatment,
    ClinicPolicy Policy,
    SessionRecorder CorrectedBy,
    string? PractitionerUserId) : IPatientCommand, ICorrection;
