using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Patients;

namespace Clinic.Api.AllergyTests;

public sealed record AllergyTestRequest
{
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<string> Substances { get; init; }
    public required DateTimeOffset AppliedAt { get; init; }
}

internal static class RecordAllergyTestEndpoint
{
    public static void MapRecordAllergyTest(this RouteGroupBuilder tests) =>
        tests.MapPost("/", async (Guid patientId, AllergyTestRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            return await commands.SendAsync<IPatientCommand>(new RecordAllergyTest(patientId, id, body.Substances, body.AppliedAt, clock.GetUtcNow()), r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>();
}
