using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;

namespace Clinic.Api.Practitioners;

public sealed record LicenceRenewalRequest
{
    [MaxLength(RequestLimits.Name)]
    public required string LicenceNumber { get; init; }
    public required DateOnly LicenceExpiresOn { get; init; }
}
