using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

public sealed record ReviewRequest
{
    public required ReviewDecision Decision { get; init; }
    [MaxLength(RequestLimits.Text)]
    public required string Notes { get; init; }
}

internal static class ReviewSideEffectEndpoint
{
    public static void MapReviewSideEffect(this RouteGroupBuilder sideEffects) =>
        sideEffects.MapPost("/{sideEffectId}/review", async (Guid patientId, Guid sideEffectId, ReviewRequest body, ClinicUser user, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(
                new ReviewSideEffect(patientId, sideEffectId, body.Decision, body.Notes, user.UserId, clock.GetUtcNow()), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.ReviewSideEffects);
}
