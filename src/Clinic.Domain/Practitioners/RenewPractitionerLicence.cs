namespace Clinic.Domain.Practitioners;

/// <summary>A new licence period: a fact of its own, not a correction of the registered one.</summary>
public sealed record RenewPractitionerLicence(Guid PractitionerId, string LicenceNumber, DateOnly ExpiresOn) : IPractitionerCommand;
