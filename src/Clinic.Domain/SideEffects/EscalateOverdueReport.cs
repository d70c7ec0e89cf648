using Clinic.Domain.Patients;

namespace Clinic.Domain.SideEffects;

/// <summary>Sent by a scheduler: <see cref="AsOf"/> is its clock.</summary>
public sealed record EscalateOverdueReport(Guid PatientId, Guid SideEffectId, DateTimeOffset AsOf) : IPatientCommand;
