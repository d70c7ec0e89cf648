using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Patients;

namespace Clinic.Api.AllergyTests;

public sealed record AllergyReadingRequest
{
    public required DateTimeOffset ReadAt { get; init; }
    public required bool Reaction { get; init; }
    [MaxLength(RequestLimits.Items)]
    public IReadOnlyList<string> ReactedSubstances { get; init; } = [];
    [MaxLength(RequestLimits.Text)]
    public string? Notes { get; init; }

    public AllergyReading ToReading() => new(ReadAt, Reaction, ReactedSubstances, Notes);
}

internal static class ReadAllergyTestEndpoint
{
    public static void MapReadAllergyTest(this RouteGroupBuilder tests) =>
        tests.MapPost("/{testId}/reading", async (Guid patientId, Guid testId, AllergyReadingRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(new ReadAllergyTest(patientId, testId, body.ToReading(), await reads.PolicyAsync(ct), clock.GetUtcNow()), r => r.Ok(), ct))
            .Records();
}
