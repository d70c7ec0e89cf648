using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;

namespace Clinic.Api.Sessions;

internal static class RecordNoShowEndpoint
{
    public static void MapRecordNoShow(this RouteGroupBuilder sessions) =>
        sessions.MapPost("/{sessionId}/no-show", (Guid sessionId, EmptyRequest? body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            reads.WithSessionAsync(sessionId, ct, async session =>
                await commands.SendAsync<IPatientCommand>(new RecordNoShow(session.PatientId, sessionId, clock.GetUtcNow()), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.BookSessions);
}
