using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

public sealed record ResolutionRequest
{
    public required DateTimeOffset ResolvedAt { get; init; }
    public required SideEffectOutcome Outcome { get; init; }
    [MaxLength(RequestLimits.Text)]
    public string? Notes { get; init; }
}

internal static class ResolveSideEffectEndpoint
{
    public static void MapResolveSideEffect(this RouteGroupBuilder sideEffects) =>
        sideEffects.MapPost("/{sideEffectId}/resolution", async (Guid patientId, Guid sideEffectId, ResolutionRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(new ResolveSideEffect(patientId, sideEffectId, body.ResolvedAt, body.Outcome, body.Notes, clock.GetUtcNow()), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.RecordCare);
}
