using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Corrections;

/// <summary>
/// A no-show recorded by mistake: the session is scheduled again, so that it can be recorded performed (the patient
/// came), cancelled or rescheduled. The practitioner's booking was kept through the no-show, so only the patient
/// stream changes.
/// </summary>
public sealed record RetractNoShow(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SessionId,
    ClinicPolicy Policy) : IPatientCommand, ICorrection;
