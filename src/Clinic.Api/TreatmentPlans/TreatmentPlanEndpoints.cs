namespace Clinic.Api.TreatmentPlans;

internal static class TreatmentPlanEndpoints
{
    public static void MapTreatmentPlans(this RouteGroupBuilder patients)
    {
        var plans = patients.MapGroup("/{patientId}/treatment-plans").WithTags("Treatment plans");
        plans.MapCreateTreatmentPlan();
        plans.MapStopTreatmentPlan();
    }
}
