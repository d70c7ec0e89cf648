using Clinic.Domain.Patients;

namespace Clinic.Domain.TreatmentPlans;

/// <summary>A clinician ends a plan before its planned sessions are done.</summary>
public sealed record StopTreatmentPlan(Guid PatientId, Guid PlanId, DateTimeOffset StoppedAt, string Reason) : IPatientCommand;
