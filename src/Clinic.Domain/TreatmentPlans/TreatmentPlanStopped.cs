using Clinic.Domain.Patients;

namespace Clinic.Domain.TreatmentPlans;

/// <summary><see cref="SideEffectId"/> is set when a clinician stopped the plan reviewing that side effect.</summary>
public sealed record TreatmentPlanStopped(
    Guid PatientId,
    Guid PlanId,
    DateTimeOffset StoppedAt,
    string Reason,
    Guid? SideEffectId) : IPatientEvent;
