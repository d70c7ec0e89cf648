using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Sessions;

namespace Clinic.Api.Sessions;

public sealed record PerformedRequest : TreatmentRequest
{
    public required DateTimeOffset PerformedAt { get; init; }
}

internal static class RecordSessionPerformedEndpoint
{
    public static void MapRecordSessionPerformed(this RouteGroupBuilder sessions) =>
        sessions.MapPost("/{sessionId}/performed", (Guid sessionId, PerformedRequest body, ClinicUser user, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            reads.WithSessionAsync(sessionId, ct, async session =>
                await commands.SendAsync<ISessionBookingCommand>(
                    new RecordSessionPerformed(session.PatientId, sessionId, body.PerformedAt,
                        body.ToTreatment(session.BookedMinutes, user.IdIfAllowed(Permissions.DeviateFromProtocols)),
                        await reads.PolicyAsync(ct), clock.GetUtcNow(),
                        new SessionRecorder(user.UserId, user.Can(Permissions.RecordCareForOthers))), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.RecordCare);
}
