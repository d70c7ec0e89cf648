using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.Http;

namespace Clinic.Api.DeadLetters;

internal static class DeadLetterEndpoints
{
    /// <summary>The clinic's messages that failed every attempt, and their replay once the cause is fixed.</summary>
    public static void MapDeadLetters(this RouteGroupBuilder api)
    {
        var letters = api.MapGroup("/admin/dead-letters").WithTags("Administration").RequireAuthorization(Permissions.ManageMessages);

        // A letter's last error may quote what its handler was given (a reminder's contact details): a look at personal data.
        letters.MapGet("/", async (int? limit, ClinicUser user, ClinicDeadLetters deadLetters, AccessLog accessLog, CancellationToken ct) =>
        {
            await accessLog.RecordViewAsync("dead-letters", null, ct);
            return Results.Ok(await deadLetters.ListAsync(user.ClinicId, Math.Clamp(limit ?? PageSize.Default, 1, PageSize.Max), ct));
        }).Returns<IReadOnlyList<DeadLetter>>();

        letters.MapPost("/{id}/replay", async (Guid id, EmptyRequest? body, ClinicUser user, ClinicDeadLetters deadLetters, CancellationToken ct) =>
            await deadLetters.ReplayAsync(id, user.ClinicId, ct)
                ? Results.Ok(new ReplayResponse(id))
                : CommandResults.Problem(StatusCodes.Status404NotFound, "dead-letter-not-found", $"No dead letter {id} in this clinic."))
            .Returns<ReplayResponse>();
    }
}

/// <summary>The dead letter sent again.</summary>
public sealed record ReplayResponse(Guid Replayed);
