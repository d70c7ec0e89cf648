using Clinic.Api.Auth;
using Clinic.Domain.Signatures;

namespace Clinic.Api.Signatures;

/// <summary>
/// A signature's request: its meaning, stated by the signer. The credential is the bearer token itself, which must be
/// fresh (<see cref="FreshAuthentication"/>); the printed name is the token's <c>name</c>.
/// </summary>
public sealed record SignatureRequest
{
    public required SignatureMeaning Meaning { get; init; }

    internal static Signer SignerOf(ClinicUser user) => new(user.UserId, user.PrintedName, user.Role);
}
