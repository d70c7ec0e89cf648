using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

public sealed record RegulatorNotificationRequest
{
    /// <summary>When the regulator was notified; now when not given.</summary>
    public DateTimeOffset? NotifiedAt { get; init; }

    /// <summary>The regulator's case reference, when it gave one.</summary>
    [MaxLength(RequestLimits.Name)]
    public string? Reference { get; init; }
}

internal static class RecordRegulatorNotificationEndpoint
{
    public static void MapRecordRegulatorNotification(this RouteGroupBuilder sideEffects) =>
        sideEffects.MapPost("/{sideEffectId}/regulator-notification", async (Guid patientId, Guid sideEffectId, RegulatorNotificationRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            return await commands.SendAsync<IPatientCommand>(
                new RecordRegulatorNotification(patientId, sideEffectId, body.NotifiedAt ?? now, body.Reference, now), r => r.Ok(), ct);
        }).Records().RequireAuthorization(Permissions.RecordCare);
}
