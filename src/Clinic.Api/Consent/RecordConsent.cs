using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;

namespace Clinic.Api.Consent;

public sealed record ConsentRequest
{
    [MaxLength(RequestLimits.Items)]
    public required IReadOnlyList<ConsentScope> Scope { get; init; }
    [MaxLength(RequestLimits.Name)]
    public required string FormVersion { get; init; }
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>The patient was told mesotherapy is not approved or endorsed for fat removal (localized fat and cellulite need it).</summary>
    public bool ToldNotApprovedForFatRemoval { get; init; }

    public ConsentTerms ToTerms() => new(Scope, FormVersion, SignedAt, ToldNotApprovedForFatRemoval);
}

/// <summary>Consent's one command: the whole capability.</summary>
internal static class RecordConsentEndpoint
{
    public static void MapConsents(this RouteGroupBuilder patients) =>
        patients.MapPost("/{patientId}/consents", async (Guid patientId, ConsentRequest body, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            return await commands.SendAsync<IPatientCommand>(new RecordConsent(patientId, id, body.ToTerms(), clock.GetUtcNow()), r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>().WithTags("Consent").RequireAuthorization(Permissions.RecordCare);
}
