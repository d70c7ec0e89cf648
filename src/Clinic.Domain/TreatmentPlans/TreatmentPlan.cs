namespace Clinic.Domain.TreatmentPlans;

public sealed record TreatmentPlan(Guid PlanId, DateOnly CreatedOn, PlanDetails Details, TreatmentPlanStopped? Stop)
{
    public bool IsStopped => Stop is not null;
}
