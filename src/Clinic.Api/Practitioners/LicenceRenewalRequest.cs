namespace Clinic.Api.Practitioners;

public sealed record LicenceRenewalRequest
{
    public required string LicenceNumber { get; init; }
    public required DateOnly LicenceExpiresOn { get; init; }
}
