namespace Clinic.Api.Auth;

/// <summary>The claims the API reads from a bearer token.</summary>
public static class ClinicClaims
{
    public const string Subject = "sub";
    public const string Role = "role";

    /// <summary>The clinic the user works for: the tenant of everything they read and write.</summary>
    public const string Clinic = "clinic";

    /// <summary>A regulator's clinics, a JSON array of clinic ids, instead of <see cref="Clinic"/>.</summary>
    public const string Clinics = "clinics";

    /// <summary>A regulator's jurisdiction, whose clinics the configuration lists (<see cref="RegulatorSettings"/>), instead of <see cref="Clinic"/>.</summary>
    public const string Jurisdiction = "jurisdiction";
}
