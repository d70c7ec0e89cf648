using Clinic.Api.Http;
using System.Security.Claims;

namespace Clinic.Api.Auth;

/// <summary>
/// The user, role and clinics a token names become the actor and the tenants of everything the call reads or writes,
/// so each must be usable as an id: named once (a regulator's <c>clinics</c> list aside), a JSON string, not empty or
/// blank, without control characters (PostgreSQL cannot store a NUL), at most <see cref="MaxLength"/> characters.
/// A token names its clinics one way: <c>clinic</c>, or for a regulator only <c>clinics</c> or a configured
/// <c>jurisdiction</c>. A missing user, role or clinic is left to authorization (403). The user's name, which signatures
/// record, is held to the same rules when the token carries it.
/// </summary>
internal static class IdentityClaims
{
    private const int MaxLength = RequestLimits.Name;

    private static readonly string[] SingleTypes = [ClinicClaims.Subject, ClinicClaims.Role, ClinicClaims.Clinic, ClinicClaims.Jurisdiction, ClinicClaims.Name];

    /// <summary>The ways a token may name its clinics; it uses one.</summary>
    private static readonly string[] ClinicTypes = [ClinicClaims.Clinic, ClinicClaims.Clinics, ClinicClaims.Jurisdiction];

    /// <summary>Why the token's identity cannot be used, never quoting a value; null when it can.</summary>
    public static string? Problem(ClaimsPrincipal principal, RegulatorSettings regulators) =>
        SingleTypes.Select(type => Problem(type, principal.FindAll(type).ToList())).FirstOrDefault(problem => problem is not null)
        ?? principal.FindAll(ClinicClaims.Clinics).Select(claim => Problem(ClinicClaims.Clinics, [claim])).FirstOrDefault(problem => problem is not null)
        ?? ClinicsProblem(principal, regulators);

    /// <summary>Why <paramref name="value"/> cannot be a user, role or clinic id; null when it can.</summary>
    public static string? Unusable(string value) =>
        string.IsNullOrWhiteSpace(value) ? "is empty or blank"
        : value.Length > MaxLength ? $"is longer than {MaxLength} characters"
        : value.Any(char.IsControl) ? "contains a control character"
        : null;

    /// <summary>Whether the token names its clinics in some way (authorization requires it).</summary>
    public static bool NamesClinics(ClaimsPrincipal principal) => ClinicTypes.Any(type => principal.HasClaim(claim => claim.Type == type));

    /// <summary>The clinics a token <see cref="Problem"/> accepts names: its clinic, its clinics, or its jurisdiction's.</summary>
    public static IReadOnlyList<string> ClinicsOf(ClaimsPrincipal principal, RegulatorSettings regulators) =>
        principal.FindFirstValue(ClinicClaims.Jurisdiction) is { } jurisdiction
            ? regulators.ClinicsOf(jurisdiction) ?? throw new InvalidOperationException("The token's jurisdiction was not checked.")
            : [.. principal.FindAll(claim => claim.Type is ClinicClaims.Clinic or ClinicClaims.Clinics).Select(claim => claim.Value).Distinct()];

    private static string? Problem(string type, IReadOnlyList<Claim> claims) => claims switch
    {
        [] => null,
        [{ ValueType: not ClaimValueTypes.String }] => $"The token's '{type}' claim is not a string.",
        [var claim] => Unusable(claim.Value) is { } why ? $"The token's '{type}' claim {why}." : null,
        _ => $"The token has more than one '{type}' claim.",
    };

    /// <summary>Only a regulator reads several clinics, and a jurisdiction is one the API knows.</summary>
    private static string? ClinicsProblem(ClaimsPrincipal principal, RegulatorSettings regulators)
    {
        var named = ClinicTypes.Where(type => principal.HasClaim(claim => claim.Type == type)).ToList();
        return named switch
        {
            [_, _, ..] => $"The token names its clinics in more than one way ({string.Join(", ", named.Select(type => $"'{type}'"))}): it carries one of 'clinic', 'clinics' or 'jurisdiction'.",
            [not ClinicClaims.Clinic and var type] when principal.FindFirstValue(ClinicClaims.Role) != ClinicRoles.Regulator =>
                $"Only a regulator's token may carry '{type}'; any other names its one clinic with 'clinic'.",
            [ClinicClaims.Jurisdiction] when regulators.ClinicsOf(principal.FindFirstValue(ClinicClaims.Jurisdiction)!) is null =>
                $"The token's 'jurisdiction' claim names no jurisdiction this API is configured with ({RegulatorSettings.Section}:Jurisdictions).",
            _ => null,
        };
    }
}
