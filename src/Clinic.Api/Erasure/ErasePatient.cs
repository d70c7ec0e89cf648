using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Erasure;
using Clinic.Domain.Patients;

namespace Clinic.Api.Erasure;

/// <summary><see cref="Reason"/> names the decision (a request, a court order), never the person: it stays readable after the erasure.</summary>
public sealed record ErasureRequest
{
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }

    public required bool LegalObligation { get; init; }
}

internal static class ErasePatientEndpoint
{
    public static void MapErasure(this RouteGroupBuilder patients) =>
        patients.MapPost("/{patientId}/erasure", async (Guid patientId, ErasureRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
            await commands.SendAsync<IPatientCommand>(
                new ErasePatient(patientId, body.Reason, body.LegalObligation, clock.GetUtcNow(), await reads.PolicyAsync(ct)), r => r.Ok(), ct))
            .Records().WithTags("Erasure").RequireAuthorization(Permissions.ErasePatients);
}
