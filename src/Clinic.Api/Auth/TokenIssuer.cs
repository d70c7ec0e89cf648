using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Api.Auth;

/// <summary>Signs tokens with a symmetric key: development tokens, and tests' tokens.</summary>
public static class TokenIssuer
{
    /// <summary>
    /// <paramref name="name"/> is the user's printed name (none: the token cannot sign records); <paramref name="issuedAt"/>
    /// (the <c>iat</c> a signature's freshness is judged by) is now unless told.
    /// </summary>
    public static string Issue(
        AuthSettings settings, string signingKey, string user, string role, string clinic, TimeSpan lifetime, string? name = null, DateTimeOffset? issuedAt = null)
    {
        Claim[] identity = [
            new(ClinicClaims.Subject, user),
            new(ClinicClaims.Role, role),
            new(ClinicClaims.Clinic, clinic),
            .. name is null ? [] : new[] { new Claim(ClinicClaims.Name, name) },
        ];
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = issuedAt?.UtcDateTime,
            Expires = DateTime.UtcNow.Add(lifetime),
            Subject = new ClaimsIdentity(identity),
            SigningCredentials = new SigningCredentials(SecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SecurityKey(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));
}
