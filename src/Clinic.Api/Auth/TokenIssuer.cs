using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Api.Auth;

/// <summary>Signs tokens with a symmetric key: development tokens, and tests' tokens.</summary>
public static class TokenIssuer
{
    public static string Issue(AuthSettings settings, string signingKey, string user, string role, string clinic, TimeSpan lifetime) =>
        Issue(settings, signingKey, user, role, TokenClinics.One(clinic), lifetime);

    public static string Issue(AuthSettings settings, string signingKey, string user, string role, TokenClinics clinics, TimeSpan lifetime)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Expires = DateTime.UtcNow.Add(lifetime),
            Subject = new ClaimsIdentity([new Claim(ClinicClaims.Subject, user), new Claim(ClinicClaims.Role, role)]),
            Claims = new Dictionary<string, object> { [clinics.Claim] = clinics.Value },
            SigningCredentials = new SigningCredentials(SecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SecurityKey(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));
}

/// <summary>How a token names its clinics: one clinic, or a regulator's several clinics or jurisdiction.</summary>
public sealed record TokenClinics(string Claim, object Value)
{
    public static TokenClinics One(string clinic) => new(ClinicClaims.Clinic, clinic);

    /// <summary>A JSON array, even of one clinic.</summary>
    public static TokenClinics Several(IEnumerable<string> clinics) => new(ClinicClaims.Clinics, clinics.ToArray());

    public static TokenClinics OfJurisdiction(string jurisdiction) => new(ClinicClaims.Jurisdiction, jurisdiction);
}
