using System.Security.Claims;

namespace Clinic.Api.Auth;

/// <summary>The authenticated caller: who, in which role, for which clinic (the tenant of all they touch).</summary>
public sealed record ClinicUser(string UserId, string Role, string ClinicId)
{
    public static ClinicUser From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClinicClaims.Subject) ?? throw new InvalidOperationException("The token has no subject."),
        principal.FindFirstValue(ClinicClaims.Role) ?? throw new InvalidOperationException("The token has no role."),
        principal.FindFirstValue(ClinicClaims.Clinic) ?? throw new InvalidOperationException("The token has no clinic."));

    public bool Can(string permission) => Permissions.Allows(permission, Role);
}
