using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.Practitioners;

namespace Clinic.Api.Practitioners;

public sealed record PractitionerRequest
{
    [MaxLength(RequestLimits.Name)]
    public required string Name { get; init; }
    public required Profession Profession { get; init; }
    [MaxLength(RequestLimits.Name)]
    public required string LicenceNumber { get; init; }
    public required DateOnly LicenceExpiresOn { get; init; }

    /// <summary>The practitioner's user: the <c>sub</c> of their token, with which they record the sessions booked with them.</summary>
    [MaxLength(RequestLimits.Name)]
    public required string UserId { get; init; }

    public PractitionerDetails ToDetails() => new(Name, Profession, LicenceNumber, LicenceExpiresOn, UserId);
}
