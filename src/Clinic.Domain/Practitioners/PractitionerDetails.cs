namespace Clinic.Domain.Practitioners;

/// <summary>
/// A licence is current up to and including <see cref="LicenceExpiresOn"/>. <see cref="UserId"/> is the practitioner's
/// user (the token's subject), who may record the sessions booked with them; practitioners registered before it existed
/// read with none, so that only a clinician records their sessions until their details are corrected.
/// </summary>
public sealed record PractitionerDetails(
    string Name, Profession Profession, string LicenceNumber, DateOnly LicenceExpiresOn, string? UserId = null);
