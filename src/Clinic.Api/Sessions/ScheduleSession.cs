using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Sessions;

namespace Clinic.Api.Sessions;

public sealed record ScheduleSessionRequest
{
    public required Guid PatientId { get; init; }
    public required Guid PlanId { get; init; }
    public required Guid PractitionerId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required int DurationMinutes { get; init; }

    /// <summary>Clinicians only: book closer to another session of the plan than its interval, for a recorded reason.</summary>
    public IntervalOverrideRequest? IntervalOverride { get; init; }
}

internal static class ScheduleSessionEndpoint
{
    public static void MapScheduleSession(this RouteGroupBuilder sessions) =>
        sessions.MapPost("/", async (ScheduleSessionRequest body, ClinicUser user, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            if (IntervalOverrides.Of(body.IntervalOverride, user) is not { Allowed: true } intervalOverride)
                return IntervalOverrides.Forbidden();
            var id = Guid.CreateVersion7();
            var command = new ScheduleSession(body.PatientId, id, body.PlanId, body.PractitionerId, body.StartsAt, body.DurationMinutes,
                intervalOverride.Value, await reads.PolicyAsync(ct), clock.GetUtcNow());
            return await commands.SendAsync<ISessionBookingCommand>(command, r => r.Created($"/api/sessions/{id}", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.BookSessions);
}
