using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.Signatures;

namespace Clinic.Api.Signatures;

internal static class SignSideEffectReviewEndpoint
{
    public static void MapSignSideEffectReview(this RouteGroupBuilder sideEffects) =>
        sideEffects.MapPost("/{sideEffectId}/review/signature", async (Guid patientId, Guid sideEffectId, SignatureRequest body, ClinicUser user, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(
                new SignSideEffectReview(patientId, sideEffectId, body.Meaning, SignatureRequest.SignerOf(user), clock.GetUtcNow()), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.ReviewSideEffects).RequiresFreshAuthentication();
}
