using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;

namespace Clinic.Api.Patients;

internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatients(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/patients").WithTags("Patients");

        patients.MapPost("/", async (PatientRequest body, ClinicRequest request, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            return await request.SendAsync<IPatientCommand>(new RegisterPatient(id, request.User.ClinicId, body.ToDetails(), request.Now), r => r.Created($"/api/patients/{id}", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.RegisterPatients);

        return patients;
    }
}
