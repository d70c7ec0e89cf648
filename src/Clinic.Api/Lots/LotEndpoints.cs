using System.ComponentModel.DataAnnotations;
using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.Hosting;
using Clinic.Api.Http;
using Clinic.Api.Privacy;
using Marten;

namespace Clinic.Api.Lots;

internal static class LotEndpoints
{
    /// <summary>
    /// Everyone who received a lot, to recall it: a lot nobody received is 200 with no recipients, so that a recall
    /// can say "nobody". One view per patient listed is recorded before the answer, in her clinic, and one of no patient
    /// in each clinic searched where nobody received it.
    /// </summary>
    public static void MapLots(this RouteGroupBuilder api) =>
        api.MapGet("/lots/{lotNumber}/recipients", async ([MaxLength(RequestLimits.Name)] string lotNumber,
            IDocumentStore store, PersonalKeys keys, ClinicUser user, AccessLog accessLog, ErasedValuesJson json, CancellationToken ct) =>
        {
            if (RequestValueChecks.TextProblem(lotNumber, RequestLimits.Name) is { } problem)
                return CommandResults.Problem(StatusCodes.Status400BadRequest, "malformed-request", $"The lot number {problem}.");

            // Not one clinic's session: the recall filters every query by the clinics the caller reads.
            await using var session = store.QuerySession();
            var recipients = await session.RecipientsAsync(lotNumber, [.. user.ReadableClinics], keys, ct);
            await accessLog.RecordViewsAcrossClinicsAsync("lot-recipients", recipients.Recipients.Select(r => (r.ClinicId, r.PatientId)), ct);
            return Results.Json(recipients, json.Options);
        }).Returns<LotRecipientsResponse>().WithTags("Lots").RequireAuthorization(Permissions.RecallLots).ReadsAcrossClinics();
}
