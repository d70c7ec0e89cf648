using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Corrections;

public sealed record CorrectTreatmentPlan(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid PlanId,
    PlanDetails Details,
    ClinicPolicy Policy) : IPatientCommand, ICorrection;
