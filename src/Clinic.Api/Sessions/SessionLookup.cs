using Clinic.Api.Http;
using Clinic.Domain.Common;

namespace Clinic.Api.Sessions;

/// <summary>A command on a session goes to the patient whose record holds it; a session not in the clinic is a 404.</summary>
internal static class SessionLookup
{
    public static async Task<IResult> WithSessionAsync(this ClinicReads reads, Guid sessionId, CancellationToken ct, Func<SessionLocator, Task<IResult>> handle) =>
        await reads.Session.LoadAsync<SessionLocator>(sessionId, ct) is { } session
            ? await handle(session)
            : CommandResults.Problem(StatusCodes.Status404NotFound, RefusalCodes.SessionNotFound, $"No session {sessionId} in this clinic.");
}
