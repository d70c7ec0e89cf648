using Clinic.Api.Auth;
using Clinic.Api.Http;

namespace Clinic.Api.Integrity;

internal static class LatestCheckpointEndpoint
{
    public static void MapLatestCheckpoint(this RouteGroupBuilder integrity) =>
        integrity.MapGet("/checkpoints/latest", async (ClinicUser user, CheckpointStore checkpoints, CheckpointSigner signer, CancellationToken ct) =>
                await checkpoints.LatestAsync(user.ClinicId, ct) is { } latest
                    ? Results.Ok(ExportedCheckpoint.Of(latest, signer))
                    : CommandResults.Problem(StatusCodes.Status404NotFound, "no-checkpoint", "This clinic has no checkpoint yet."))
            .Returns<ExportedCheckpoint>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Permissions.ReadIntegrity);
}
