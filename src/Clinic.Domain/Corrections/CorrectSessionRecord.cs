using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;

namespace Clinic.Domain.Corrections;

/// <summary>Corrects what a performed session recorded: products, lots, volumes, depth, areas and the rest.</summary>
public sealed record CorrectSessionRecord(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid SessionId,
    PerformedTreatment Treatment,
    ClinicPolicy Policy) : IPatientCommand, ICorrection;
