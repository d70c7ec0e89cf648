using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Sessions;

namespace Clinic.Api.Sessions;

public sealed record RescheduleRequest
{
    public required DateTimeOffset StartsAt { get; init; }
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
    public IntervalOverrideRequest? IntervalOverride { get; init; }
}

internal static class RescheduleSessionEndpoint
{
    public static void MapRescheduleSession(this RouteGroupBuilder sessions) =>
        sessions.MapPost("/{sessionId}/reschedule", async (Guid sessionId, RescheduleRequest body, ClinicUser user, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            if (IntervalOverrides.Of(body.IntervalOverride, user) is not { Allowed: true } intervalOverride)
                return IntervalOverrides.Forbidden();
            return await reads.WithSessionAsync(sessionId, ct, async session =>
                await commands.SendAsync<ISessionBookingCommand>(new RescheduleSession(session.PatientId, sessionId, body.StartsAt, body.Reason,
                    intervalOverride.Value, await reads.PolicyAsync(ct), clock.GetUtcNow()), r => r.Ok(), ct));
        }).Records().RequireAuthorization(Permissions.BookSessions);
}
