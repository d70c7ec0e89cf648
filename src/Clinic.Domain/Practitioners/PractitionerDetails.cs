namespace Clinic.Domain.Practitioners;

/// <summary>A licence is current up to and including <see cref="LicenceExpiresOn"/>.</summary>
public sealed record PractitionerDetails(string Name, Profession Profession, string LicenceNumber, DateOnly LicenceExpiresOn);
