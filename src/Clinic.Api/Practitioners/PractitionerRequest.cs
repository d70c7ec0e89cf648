using Clinic.Domain.Practitioners;

namespace Clinic.Api.Practitioners;

public sealed record PractitionerRequest
{
    public required string Name { get; init; }
    public required Profession Profession { get; init; }
    public required string LicenceNumber { get; init; }
    public required DateOnly LicenceExpiresOn { get; init; }

    public PractitionerDetails ToDetails() => new(Name, Profession, LicenceNumber, LicenceExpiresOn);
}
