using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Common;
using Clinic.Api.Commands;
using Marten;

namespace Clinic.Api.Schedules;

internal static class ScheduleEndpoints
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(92);

    /// <summary>
    /// Sessions starting in [from, to); cancelled ones included, with their status. Defaults to the next 7 days.
    /// Recorded before the answer as a look at each patient it lists, or at nobody when it lists none.
    /// </summary>
    public static void MapSchedules(this RouteGroupBuilder api) =>
        api.MapGet("/practitioners/{practitionerId}/schedule", async (Guid practitionerId, DateTimeOffset? from, DateTimeOffset? to, ClinicReads reads, AccessLog accessLog, TimeProvider clock, CancellationToken ct) =>
        {
            var start = from ?? clock.GetUtcNow();
            var end = to ?? DefaultEnd(start);
            if (end <= start || end - start > LongestWindow)
                return CommandResults.Problem(StatusCodes.Status400BadRequest, "invalid-range", $"'to' must be after 'from', at most {LongestWindow.TotalDays} days later.");

            if (await reads.Session.Events.StreamTypeAsync(practitionerId, ct) != StreamTypes.Practitioner)
                return CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.PractitionerNotFound, $"No practitioner {practitionerId} in this clinic.");

            // Npgsql writes an instant to timestamptz in UTC only.
            var (startUtc, endUtc) = (start.ToUniversalTime(), end.ToUniversalTime());
            var sessions = await reads.Session.Query<ScheduleEntry>()
                .Where(s => s.PractitionerId == practitionerId && s.StartsAt >= startUtc && s.StartsAt < endUtc)
                .OrderBy(s => s.StartsAt)
                .ToListAsync(ct);
            await accessLog.RecordViewsAsync("practitioner-schedule", sessions.Select(s => s.PatientId), ct);
            return Results.Ok(new ScheduleResponse(practitionerId, start, end, sessions));
        }).Returns<ScheduleResponse>().WithTags("Schedules").RequireAuthorization(Permissions.ReadSchedules);

    /// <summary>The end of the default window, or the last instant there is when the window would run past it.</summary>
    private static DateTimeOffset DefaultEnd(DateTimeOffset start) =>
        DateTimeOffset.MaxValue - start > DefaultWindow && DateTime.MaxValue - start.DateTime > DefaultWindow
            ? start + DefaultWindow
            : DateTimeOffset.MaxValue;
}
