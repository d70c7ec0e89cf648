using Clinic.Domain.Patients;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Corrections;

public sealed record TreatmentPlanCorrected(
    Guid PatientId,
    Guid CorrectedEventId,
    string Reason,
    Guid PlanId,
    PlanDetails Details) : IPatientEvent, ICorrection;
