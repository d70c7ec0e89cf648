using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.History;
using Clinic.Api.Http;

namespace Clinic.Api.Erasure;

/// <summary>A patient whose records need no longer be kept, by her pseudonymous id: erasing her is a decision of its own.</summary>
public sealed record RetentionDue(Guid PatientId, DateOnly? LastTreatedOn, DateOnly RetentionEndedOn);

internal static class RetentionEndpoints
{
    public static void MapRetention(this RouteGroupBuilder api) =>
        api.MapGet("/retention/due", async (ClinicReads reads, AccessLog accessLog, TimeProvider clock, CancellationToken ct) =>
        {
            var policy = await reads.PolicyAsync(ct);
            var now = clock.GetUtcNow();
            var candidates = await RetentionReview.CandidatesAsync(reads.Session.Query<PatientHistory>().Where(h => h.Record.RetentionEndedOn != null), ct);
            var due = candidates
                .Where(c => c.EndedBy(now, policy) is { } endedOn && endedOn == c.RetentionEndedOn)
                .Select(c => new RetentionDue(c.PatientId, c.LastTreatedOn, c.RetentionEndedOn!.Value))
                .OrderBy(due => due.RetentionEndedOn).ToList();
            // Patients' ids with their treatment dates: a look at each one's health record, recorded as such.
            await accessLog.RecordViewsAsync("retention-due", due.Select(d => d.PatientId), ct);
            return Results.Ok(due);
        }).Returns<IReadOnlyList<RetentionDue>>().WithTags("Erasure").RequireAuthorization(Permissions.ErasePatients);
}
