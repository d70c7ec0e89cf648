using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Api.Http;
using Clinic.Api.Sessions;
using Clinic.Domain.Patients;
using Clinic.Domain.Signatures;

namespace Clinic.Api.Signatures;

internal static class SignSessionEndpoint
{
    /// <summary>The practitioner who performed the session signs its record: the user her practitioner stream is linked to.</summary>
    public static void MapSignSession(this RouteGroupBuilder sessions) =>
        sessions.MapPost("/{sessionId}/signature", (Guid sessionId, SignatureRequest body, ClinicUser user, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            reads.WithSessionAsync(sessionId, ct, async session =>
                await commands.SendAsync<IPatientCommand>(
                    new SignSession(session.PatientId, sessionId, body.Meaning, SignatureRequest.SignerOf(user), clock.GetUtcNow(),
                        (await reads.Session.LoadPractitionerDetailsAsync(session.PractitionerId, ct)).Details?.UserId), r => r.Ok(), ct)))
            .Records().RequireAuthorization(Permissions.RecordCare).RequiresFreshAuthentication();
}
