using Clinic.Api.Auth;
using Clinic.Api.Http;

namespace Clinic.Api.Integrity;

internal static class VerifyIntegrityEndpoint
{
    public static void MapVerifyIntegrity(this RouteGroupBuilder integrity) =>
        integrity.MapGet("/", async (ClinicUser user, IntegrityVerifier verifier, CancellationToken ct) =>
                Results.Ok(await verifier.VerifyAsync(user.ClinicId, exported: null, ct)))
            .Returns<IntegrityReport>().RequireAuthorization(Permissions.ReadIntegrity);
}
