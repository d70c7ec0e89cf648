using Clinic.Api.Http;
using System.Security.Claims;

namespace Clinic.Api.Auth;

/// <summary>
/// The user, role and clinic a token names become the actor and the tenant of everything the call writes, so each
/// must be usable as an id: named once, a JSON string, not empty or blank, without control characters (PostgreSQL
/// cannot store a NUL), at most <see cref="MaxLength"/> characters. A missing one is left to authorization (403). The
/// user's name, which signatures record, is held to the same when the token carries it.
/// </summary>
internal static class IdentityClaims
{
    private const int MaxLength = RequestLimits.Name;

    private static readonly string[] Types = [ClinicClaims.Subject, ClinicClaims.Role, ClinicClaims.Clinic, ClinicClaims.Name];

    /// <summary>Why the token's identity cannot be used, never quoting a value; null when it can.</summary>
    public static string? Problem(ClaimsPrincipal principal) =>
        Types.Select(type => Problem(type, principal.FindAll(type).ToList())).FirstOrDefault(problem => problem is not null);

    /// <summary>Why <paramref name="value"/> cannot be a user, role or clinic id; null when it can.</summary>
    public static string? Unusable(string value) =>
        string.IsNullOrWhiteSpace(value) ? "is empty or blank"
        : value.Length > MaxLength ? $"is longer than {MaxLength} characters"
        : value.Any(char.IsControl) ? "contains a control character"
        : null;

    private static string? Problem(string type, IReadOnlyList<Claim> claims) => claims switch
    {
        [] => null,
        [{ ValueType: not ClaimValueTypes.String }] => $"The token's '{type}' claim is not a string.",
        [var claim] => Unusable(claim.Value) is { } why ? $"The token's '{type}' claim {why}." : null,
        _ => $"The token has more than one '{type}' claim.",
    };
}
