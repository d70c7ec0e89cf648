using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Sessions;

namespace Clinic.Api.Sessions;

public sealed record CancelRequest
{
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
}

internal static class CancelSessionEndpoint
{
    public static void MapCancelSession(this RouteGroupBuilder sessions) =>
        sessions.MapPost("/{sessionId}/cancel", (Guid sessionId, CancelRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            reads.WithSessionAsync(sessionId, ct, async session =>
                await commands.SendAsync<ISessionBookingCommand>(new CancelSession(session.PatientId, sessionId, clock.GetUtcNow(), body.Reason), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.BookSessions);
}
