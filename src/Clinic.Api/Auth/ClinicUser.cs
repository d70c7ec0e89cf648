namespace Clinic.Api.Auth;

/// <summary>
/// The authenticated caller: who, in which role, the clinics this request may read (the tenants of all it touches),
/// decided before the endpoint runs by <see cref="ClinicScope"/>, and the name a signature prints (null when the token
/// carries none).
/// </summary>
/// <param name="ReadableClinics">
/// The token's clinic; or a regulator's clinics, narrowed to the one named by the <c>clinic</c> query parameter.
/// An endpoint that reads across clinics (<see cref="ClinicScope.ReadsAcrossClinics"/>) reads these; every other
/// endpoint gets exactly one.
/// </param>
public sealed record ClinicUser(string UserId, string Role, IReadOnlyList<string> ReadableClinics, string? PrintedName = null)
{
    /// <summary>The one clinic the request reads or writes.</summary>
    public string ClinicId => ReadableClinics is [var clinic]
        ? clinic
        : throw new InvalidOperationException("The request reads across several clinics: it has no one clinic.");

    public bool Can(string permission) => Permissions.Allows(permission, Role);

    /// <summary>The user's id when the role allows <paramref name="permission"/>: who made an act only some roles make.</summary>
    public string? IdIfAllowed(string permission) => Can(permission) ? UserId : null;
}
