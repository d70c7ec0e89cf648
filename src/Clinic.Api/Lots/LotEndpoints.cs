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
    /// can say "nobody". One view per patient listed is recorded before the answer.
    /// </summary>
    public static void MapLots(this RouteGroupBuilder api) =>
        api.MapGet("/lots/{lotNumber}/recipients", async ([MaxLength(RequestLimits.Name)] string lotNumber,
            IDocumentStore store, PersonalKeys keys, ClinicUser user, AccessLog accessLog, CancellationToken ct) =>
        {
            if (RequestValueChecks.TextProblem(lotNumber, RequestLimits.Name) is { } problem)
                return CommandResults.Problem(StatusCodes.Status400BadRequest, "malformed-request", $"The lot number {problem}.");

            // Not one clinic's session: the recall filters every query by the clinics the caller reads.
            await using var session = store.QuerySession();
            var recipients = await session.RecipientsAsync(lotNumber, [.. user.ReadableClinics], keys, ct);
            await RecordViewsAsync(accessLog, user, recipients, ct);
            return Results.Ok(recipients);
        }).Returns<LotRecipientsResponse>().WithTags("Lots").RequireAuthorization(Permissions.RecallLots).ReadsAcrossClinics();

    /// <summary>
    /// One view per patient listed, in her clinic; a clinic that had nobody to list records one view of no patient,
    /// so that every clinic searched knows it was.
    /// </summary>
    private static async Task RecordViewsAsync(AccessLog accessLog, ClinicUser user, LotRecipientsResponse recipients, CancellationToken ct)
    {
        foreach (var clinicId in user.ReadableClinics)
            await accessLog.RecordViewsInAsync(clinicId, "lot-recipients",
                recipients.Recipients.Where(r => r.ClinicId == clinicId).Select(r => r.PatientId).ToList(), ct);
    }
}
