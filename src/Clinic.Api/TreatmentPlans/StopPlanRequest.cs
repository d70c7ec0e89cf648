namespace Clinic.Api.TreatmentPlans;

public sealed record StopPlanRequest
{
    public required string Reason { get; init; }
}
