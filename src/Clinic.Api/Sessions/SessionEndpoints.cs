using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;

namespace Clinic.Api.Sessions;

internal static class SessionEndpoints
{
    public static void MapSessions(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");

        sessions.MapPost("/", async (ScheduleSessionRequest body, ClinicUser user, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            if (Override(body.IntervalOverride, user) is not { Allowed: true } intervalOverride)
                return ForbiddenOverride();
            var id = Guid.CreateVersion7();
            var command = new ScheduleSession(body.PatientId, id, body.PlanId, body.PractitionerId, body.StartsAt, body.DurationMinutes,
                intervalOverride.Value, await reads.PolicyAsync(ct), clock.GetUtcNow());
            return await commands.SendAsync<ISessionBookingCommand>(command, r => r.Created($"/api/sessions/{id}", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.BookSessions);

        sessions.MapPost("/{sessionId}/reschedule", async (Guid sessionId, RescheduleRequest body, ClinicUser user, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            if (Override(body.IntervalOverride, user) is not { Allowed: true } intervalOverride)
                return ForbiddenOverride();
            return await WithSessionAsync(sessionId, reads, ct, async session =>
                await commands.SendAsync<ISessionBookingCommand>(new RescheduleSession(session.PatientId, sessionId, body.StartsAt, body.Reason,
                    intervalOverride.Value, await reads.PolicyAsync(ct), clock.GetUtcNow()), r => r.Ok(), ct));
        }).Records().RequireAuthorization(Permissions.BookSessions);

        sessions.MapPost("/{sessionId}/cancel", (Guid sessionId, CancelRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            WithSessionAsync(sessionId, reads, ct, async session =>
                await commands.SendAsync<ISessionBookingCommand>(new CancelSession(session.PatientId, sessionId, clock.GetUtcNow(), body.Reason), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.BookSessions);

        sessions.MapPost("/{sessionId}/no-show", (Guid sessionId, EmptyRequest? body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            WithSessionAsync(sessionId, reads, ct, async session =>
                await commands.SendAsync<IPatientCommand>(new RecordNoShow(session.PatientId, sessionId, clock.GetUtcNow()), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.BookSessions);

        sessions.MapPost("/{sessionId}/performed", (Guid sessionId, PerformedRequest body, ClinicUser user, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            WithSessionAsync(sessionId, reads, ct, async session =>
                await commands.SendAsync<ISessionBookingCommand>(
                    new RecordSessionPerformed(session.PatientId, sessionId, body.PerformedAt,
                        body.ToTreatment(session.BookedMinutes, user.IdIfAllowed(Permissions.DeviateFromProtocols)),
                        await reads.PolicyAsync(ct), clock.GetUtcNow(),
                        new SessionRecorder(user.UserId, user.Can(Permissions.RecordCareForOthers))), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.RecordCare);
    }

    private static async Task<IResult> WithSessionAsync(Guid sessionId, ClinicReads reads, CancellationToken ct, Func<SessionLocator, Task<IResult>> handle) =>
        await reads.Session.LoadAsync<SessionLocator>(sessionId, ct) is { } session
            ? await handle(session)
            : CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.SessionNotFound, $"No session {sessionId} in this clinic.");

    /// <summary>An interval override is recorded with the clinician who gave it; only clinicians may.</summary>
    private static (bool Allowed, IntervalOverride? Value) Override(IntervalOverrideRequest? requested, ClinicUser user) =>
        requested is null ? (true, null)
        : user.Can(Permissions.OverrideIntervals) ? (true, new IntervalOverride(requested.Reason, user.UserId))
        : (false, null);

    private static IResult ForbiddenOverride() =>
        CommandResults.Problem(StatusCodes.Status403Forbidden, "override-not-allowed", "Only a clinician may override the minimum interval.");
}
