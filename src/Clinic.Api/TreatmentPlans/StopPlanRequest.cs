using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;

namespace Clinic.Api.TreatmentPlans;

public sealed record StopPlanRequest
{
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
}
