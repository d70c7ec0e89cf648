using Clinic.Domain.Patients;

namespace Clinic.Domain.TreatmentPlans;

public sealed record TreatmentPlanCreated(Guid PatientId, Guid PlanId, DateOnly CreatedOn, PlanDetails Details) : IPatientEvent;
