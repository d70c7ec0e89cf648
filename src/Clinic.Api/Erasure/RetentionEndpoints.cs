using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.History;
using Clinic.Api.Http;

namespace Clinic.Api.Erasure;

/// <summary>A patient whose records need no longer be kept, by her pseudonymous id: erasing her is a decision of its own.</summary>
public sealed record RetentionDue(Guid PatientId, DateOnly? LastTreatedOn, DateOnly RetentionEndedOn);

internal static class RetentionEndpoints
{
    /// <summary>
    /// A page of the patients due, oldest end first (then by id), after the entry (<c>afterEndedOn</c>,
    /// <c>afterPatientId</c>) that ended the page before: a cursor that still holds when that patient was erased since.
    /// </summary>
    public static void MapRetention(this RouteGroupBuilder api) =>
        api.MapGet("/retention/due", async (int? limit, DateOnly? afterEndedOn, Guid? afterPatientId, ClinicReads reads, AccessLog accessLog, TimeProvider clock, CancellationToken ct) =>
        {
            if (!PageSize.TryRead(limit, out var pageSize, out var invalidLimit))
                return invalidLimit;
            if (afterEndedOn is null != afterPatientId is null)
                return CommandResults.Problem(StatusCodes.Status400BadRequest, "malformed-request", "afterEndedOn and afterPatientId are given together.");
            var policy = await reads.PolicyAsync(ct);
            var now = clock.GetUtcNow();
            var candidates = await RetentionReview.CandidatesAsync(reads.Session.Query<PatientHistory>().Where(h => h.Record.RetentionEndedOn != null), ct);
            var due = candidates
                .Where(c => c.EndedBy(now, policy) is { } endedOn && endedOn == c.RetentionEndedOn)
                .Select(c => new RetentionDue(c.PatientId, c.LastTreatedOn, c.RetentionEndedOn!.Value))
                .Where(due => afterEndedOn is not { } endedOn || (due.RetentionEndedOn, due.PatientId).CompareTo((endedOn, afterPatientId!.Value)) > 0)
                .OrderBy(due => due.RetentionEndedOn).ThenBy(due => due.PatientId).Take(pageSize).ToList();
            // Patients' ids with their treatment dates: a look at each one's health record, recorded as such.
            await accessLog.RecordViewsAsync("retention-due", due.Select(d => d.PatientId), ct);
            return Results.Ok(due);
        }).Returns<IReadOnlyList<RetentionDue>>().WithTags("Erasure").RequireAuthorization(Permissions.ErasePatients);
}
