using Clinic.Api.Auth;
using Clinic.Api.Http;

namespace Clinic.Api.Integrity;

internal static class TakeCheckpointEndpoint
{
    public static void MapTakeCheckpoint(this RouteGroupBuilder integrity) =>
        integrity.MapPost("/checkpoints", async (EmptyRequest? body, ClinicUser user, CheckpointStore checkpoints, CheckpointSigner signer, CancellationToken ct) =>
                Results.Ok(ExportedCheckpoint.Of(await checkpoints.TakeAsync(user.ClinicId, ct), signer)))
            .Returns<ExportedCheckpoint>().RequireAuthorization(Permissions.TakeCheckpoints);
}
