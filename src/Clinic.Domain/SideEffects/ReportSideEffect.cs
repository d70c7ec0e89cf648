using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

public sealed record ReportSideEffect(
    Guid PatientId,
    Guid SideEffectId,
    SideEffectDetails Details,
    ReportedBy ReportedBy,
    ClinicPolicy Policy,
    DateTimeOffset RecordedAt) : IPatientCommand;
