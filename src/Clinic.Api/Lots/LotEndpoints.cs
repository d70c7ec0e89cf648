using System.ComponentModel.DataAnnotations;
using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.Hosting;
using Clinic.Api.Http;

namespace Clinic.Api.Lots;

internal static class LotEndpoints
{
    /// <summary>
    /// Everyone who received a lot, to recall it: a lot nobody received is 200 with no recipients, so that a recall
    /// can say "nobody". One view per patient listed is recorded before the answer.
    /// </summary>
    public static void MapLots(this RouteGroupBuilder api) =>
        api.MapGet("/lots/{lotNumber}/recipients", async ([MaxLength(RequestLimits.Name)] string lotNumber,
            ClinicReads reads, ClinicUser user, AccessLog accessLog, CancellationToken ct) =>
        {
            if (RequestValueChecks.TextProblem(lotNumber, RequestLimits.Name) is { } problem)
                return CommandResults.Problem(StatusCodes.Status400BadRequest, "malformed-request", $"The lot number {problem}.");

            // The clinics the caller reads: the token's one clinic (a regulator's several, once tokens name them).
            var recipients = await reads.Session.RecipientsAsync(lotNumber, [user.ClinicId], ct);
            await accessLog.RecordViewsAsync("lot-recipients", recipients.Recipients.Select(r => r.PatientId).ToList(), ct);
            return Results.Ok(recipients);
        }).Returns<LotRecipientsResponse>().WithTags("Lots").RequireAuthorization(Permissions.RecallLots);
}
