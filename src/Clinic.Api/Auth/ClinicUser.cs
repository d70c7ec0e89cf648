using System.Security.Claims;

namespace Clinic.Api.Auth;

/// <summary>
/// The authenticated caller: who, in which role, for which clinic (the tenant of all they touch), and the name a
/// signature prints (null when the token carries none).
/// </summary>
public sealed record ClinicUser(string UserId, string Role, string ClinicId, string? PrintedName = null)
{
    public static ClinicUser From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClinicClaims.Subject) ?? throw new InvalidOperationException("The token has no subject."),
        principal.FindFirstValue(ClinicClaims.Role) ?? throw new InvalidOperationException("The token has no role."),
        principal.FindFirstValue(ClinicClaims.Clinic) ?? throw new InvalidOperationException("The token has no clinic."),
        principal.FindFirstValue(ClinicClaims.Name));

    public bool Can(string permission) => Permissions.Allows(permission, Role);

    /// <summary>The user's id when the role allows <paramref name="permission"/>: who made an act only some roles make.</summary>
    public string? IdIfAllowed(string permission) => Can(permission) ? UserId : null;
}
