namespace Clinic.Domain.Practitioners;

public sealed record PractitionerLicenceRenewed(Guid PractitionerId, string LicenceNumber, DateOnly ExpiresOn) : IPractitionerEvent;
