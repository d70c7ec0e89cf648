using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Patients;

namespace Clinic.Api.AllergyTests;

internal static class AllergyTestEndpoints
{
    public static void MapAllergyTests(this RouteGroupBuilder patients)
    {
        var tests = patients.MapGroup("/{patientId:guid}/allergy-tests").WithTags("Allergy tests").RequireAuthorization(Permissions.RecordCare);

        tests.MapPost("/", async (Guid patientId, AllergyTestRequest body, ClinicRequest request, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            var result = await request.InvokeAsync<IPatientCommand>(new RecordAllergyTest(patientId, id, body.Substances, body.AppliedAt), ct);
            return result.Created($"/api/patients/{patientId}/history", id);
        });

        tests.MapPost("/{testId:guid}/reading", async (Guid patientId, Guid testId, AllergyReadingRequest body, ClinicRequest request, CancellationToken ct) =>
            (await request.InvokeAsync<IPatientCommand>(new ReadAllergyTest(patientId, testId, body.ToReading()), ct)).Ok());
    }
}
