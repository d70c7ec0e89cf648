using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;

namespace Clinic.Api.Screening;

internal static class ScreeningEndpoints
{
    public static void MapScreenings(this RouteGroupBuilder patients) =>
        patients.MapPost("/{patientId}/screenings", async (Guid patientId, ScreeningRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var command = new ScreenPatient(patientId, Guid.CreateVersion7(), body.ScreenedOn, body.ToAnswers(), await reads.PolicyAsync(ct), clock.GetUtcNow());
            return await commands.SendAsync<IPatientCommand>(command, r => r.Created($"/api/patients/{patientId}/history", events => ScreeningResponse.From(events.OfType<PatientScreened>().Single())), ct);
        }).Creates<ScreeningResponse>().WithTags("Screening").RequireAuthorization(Permissions.RecordCare);
}
