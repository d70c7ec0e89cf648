using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Patients;

namespace Clinic.Api.AllergyTests;

internal static class AllergyTestEndpoints
{
    public static void MapAllergyTests(this RouteGroupBuilder patients)
    {
        var tests = patients.MapGroup("/{patientId}/allergy-tests").WithTags("Allergy tests").RequireAuthorization(Permissions.RecordCare);

        tests.MapPost("/", async (Guid patientId, AllergyTestRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            return await commands.SendAsync<IPatientCommand>(new RecordAllergyTest(patientId, id, body.Substances, body.AppliedAt, clock.GetUtcNow()), r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>();

        tests.MapPost("/{testId}/reading", async (Guid patientId, Guid testId, AllergyReadingRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(new ReadAllergyTest(patientId, testId, body.ToReading(), await reads.PolicyAsync(ct), clock.GetUtcNow()), r => r.Ok(), ct))
            .Records();
    }
}
