using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Api.Auth;

/// <summary>Signs tokens with a symmetric key: development tokens, and tests' tokens.</summary>
public static class TokenIssuer
{
    public static string Issue(
        AuthSettings settings, string signingKey, string user, string role, string clinic, TimeSpan lifetime, string? name = null, DateTimeOffset? issuedAt = null) =>
        Issue(settings, signingKey, user, role, TokenClinics.One(clinic), lifetime, name, issuedAt);

    /// <summary>
    /// <paramref name="name"/> is the user's printed name (none: the token cannot sign records); <paramref name="issuedAt"/>
    /// (the <c>iat</c> a signature's freshness is judged by) is now unless told.
    /// </summary>
    public static string Issue(
        AuthSettings settings, string signingKey, string user, string role, TokenClinics clinics, TimeSpan lifetime, string? name = null, DateTimeOffset? issuedAt = null)
    {
        Claim[] identity = [
            new(ClinicClaims.Subject, user),
            new(ClinicClaims.Role, role),
            .. name is null ? [] : new[] { new Claim(ClinicClaims.Name, name) },
        ];
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = issuedAt?.UtcDateTime,
            Expires = DateTime.UtcNow.Add(lifetime),
            Subject = new ClaimsIdentity(identity),
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
