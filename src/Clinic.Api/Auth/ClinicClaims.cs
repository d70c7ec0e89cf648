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

    /// <summary>The user's full name, as a signature prints it (21 CFR 11.50); optional until the user signs.</summary>
    public const string Name = "name";

    /// <summary>When the token was issued (seconds since the epoch): how fresh the authentication a signature rests on is.</summary>
    public const string IssuedAt = "iat";
}
