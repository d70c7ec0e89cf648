using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;

namespace Clinic.Api.Sessions;

public sealed record DeviationRequest
{
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
}
