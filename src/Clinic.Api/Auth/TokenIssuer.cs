using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Api.Auth;

/// <summary>Signs tokens with a symmetric key: development tokens, and tests' tokens.</summary>
public static class TokenIssuer
{
    public static string Issue(AuthSettings settings, string signingKey, string user, string role, string clinic, TimeSpan lifetime)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Expires = DateTime.UtcNow.Add(lifetime),
            Subject = new ClaimsIdentity([
                new Claim(ClinicClaims.Subject, user),
                new Claim(ClinicClaims.Role, role),
                new Claim(ClinicClaims.Clinic, clinic),
            ]),
            SigningCredentials = new SigningCredentials(SecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SecurityKey(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));
}
