using Clinic.Api.Signatures;

namespace Clinic.Api.Sessions;

internal static class SessionEndpoints
{
    public static void MapSessions(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapScheduleSession();
        sessions.MapRescheduleSession();
        sessions.MapCancelSession();
        sessions.MapRecordNoShow();
        sessions.MapRecordSessionPerformed();
        sessions.MapSignSession();
        sessions.MapGetSessionSignature();
    }
}
