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

        sessions.MapPost("/", async (ScheduleSessionRequest body, ClinicRequest request, CancellationToken ct) =>
        {
            if (Override(body.IntervalOverride, request) is not { Allowed: true } intervalOverride)
                return ForbiddenOverride();
            var id = Guid.CreateVersion7();
            var command = new ScheduleSession(body.PatientId, id, body.PlanId, body.PractitionerId, body.StartsAt, body.DurationMinutes,
                intervalOverride.Value, await request.PolicyAsync(ct), request.Now);
            return await request.SendAsync<ISessionBookingCommand>(command, r => r.Created($"/api/sessions/{id}", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.BookSessions);

        sessions.MapPost("/{sessionId}/reschedule", async (Guid sessionId, RescheduleRequest body, ClinicRequest request, CancellationToken ct) =>
        {
            if (Override(body.IntervalOverride, request) is not { Allowed: true } intervalOverride)
                return ForbiddenOverride();
            return await WithSessionAsync(sessionId, request, ct, async session =>
                await request.SendAsync<ISessionBookingCommand>(new RescheduleSession(session.PatientId, sessionId, body.StartsAt, body.Reason,
                    intervalOverride.Value, await request.PolicyAsync(ct), request.Now), r => r.Ok(), ct));
        }).Records().RequireAuthorization(Permissions.BookSessions);

        sessions.MapPost("/{sessionId}/cancel", (Guid sessionId, CancelRequest body, ClinicRequest request, CancellationToken ct) =>
            WithSessionAsync(sessionId, request, ct, async session =>
                await request.SendAsync<ISessionBookingCommand>(new CancelSession(session.PatientId, sessionId, request.Now, body.Reason), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.BookSessions);

        sessions.MapPost("/{sessionId}/no-show", (Guid sessionId, EmptyRequest? body, ClinicRequest request, CancellationToken ct) =>
            WithSessionAsync(sessionId, request, ct, async session =>
                await request.SendAsync<IPatientCommand>(new RecordNoShow(session.PatientId, sessionId, request.Now), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.BookSessions);

        sessions.MapPost("/{sessionId}/performed", (Guid sessionId, PerformedRequest body, ClinicRequest request, CancellationToken ct) =>
            WithSessionAsync(sessionId, request, ct, async session =>
                await request.SendAsync<ISessionBookingCommand>(
                    new RecordSessionPerformed(session.PatientId, sessionId, body.PerformedAt,
                        body.ToTreatment(session.BookedMinutes, request.User.IdIfAllowed(Permissions.DeviateFromProtocols)),
                        await request.PolicyAsync(ct), request.Now,
                        new SessionRecorder(request.User.UserId, request.User.Can(Permissions.RecordCareForOthers))), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.RecordCare);
    }

    private static async Task<IResult> WithSessionAsync(Guid sessionId, ClinicRequest request, CancellationToken ct, Func<SessionLocator, Task<IResult>> handle) =>
        await request.Reads.LoadAsync<SessionLocator>(sessionId, ct) is { } session
            ? await handle(session)
            : CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.SessionNotFound, $"No session {sessionId} in this clinic.");

    /// <summary>An interval override is recorded with the clinician who gave it; only clinicians may.</summary>
    private static (bool Allowed, IntervalOverride? Value) Override(IntervalOverrideRequest? requested, ClinicRequest request) =>
        requested is null ? (true, null)
        : request.User.Can(Permissions.OverrideIntervals) ? (true, new IntervalOverride(requested.Reason, request.User.UserId))
        : (false, null);

    private static IResult ForbiddenOverride() =>
        CommandResults.Problem(StatusCodes.Status403Forbidden, "override-not-allowed", "Only a clinician may override the minimum interval.");
}
