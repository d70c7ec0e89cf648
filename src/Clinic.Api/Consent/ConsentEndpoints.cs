using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;

namespace Clinic.Api.Consent;

internal static class ConsentEndpoints
{
    public static void MapConsents(this RouteGroupBuilder patients) =>
        patients.MapPost("/{patientId}/consents", async (Guid patientId, ConsentRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            return await commands.SendAsync<IPatientCommand>(new RecordConsent(patientId, id, body.ToTerms(), clock.GetUtcNow()), r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>().WithTags("Consent").RequireAuthorization(Permissions.RecordCare);
}
