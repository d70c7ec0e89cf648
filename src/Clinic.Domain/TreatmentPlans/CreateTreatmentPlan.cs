using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;

namespace Clinic.Domain.TreatmentPlans;

public sealed record CreateTreatmentPlan(
    Guid PatientId,
    Guid PlanId,
    DateOnly CreatedOn,
    PlanDetails Details,
    ClinicPolicy Policy) : IPatientCommand;
