using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;

namespace Clinic.Api.Patients;

internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatients(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/patients").WithTags("Patients");

        patients.MapPost("/", async (PatientRequest body, ClinicUser user, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            return await commands.SendAsync<IPatientCommand>(new RegisterPatient(id, user.ClinicId, body.ToDetails(), clock.GetUtcNow()), r => r.Created($"/api/patients/{id}", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.RegisterPatients);

        return patients;
    }
}
