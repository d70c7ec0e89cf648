using System.ComponentModel.DataAnnotations;
using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.Hosting;
using Clinic.Api.Http;
using Clinic.Domain.Common;
using Marten;

namespace Clinic.Api.Audit;

internal static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api) =>
        api.MapGet("/audit", async (Guid? patientId, [MaxLength(RequestLimits.Name)] string? actor, [MaxLength(RequestLimits.Name)] string? type,
            DateTimeOffset? from, DateTimeOffset? to, long? after, int? limit, ClinicReads reads, AccessLog accessLog, CancellationToken ct) =>
        {
            if (!PageSize.TryRead(limit, out var pageSize, out var invalidLimit))
                return invalidLimit;
            if ((FilterProblem(nameof(actor), actor) ?? FilterProblem(nameof(type), type)) is { } problem)
                return CommandResults.Problem(StatusCodes.Status400BadRequest, "malformed-request", problem);

            await accessLog.RecordViewAsync("audit-trail", patientId, ct);
            var afterPosition = after ?? 0;
            var query = reads.Session.Query<AuditEntry>().Where(e => e.Position > afterPosition);
            if (patientId is not null)
                query = query.Where(e => e.PatientId == patientId);
            if (actor is not null)
                query = query.Where(e => e.ActorId == actor);
            if (type is not null)
                query = OfType(query, EventCatalog.NamesOf(type));
            // Npgsql writes an instant to timestamptz in UTC only.
            if (from?.ToUniversalTime() is { } fromInstant)
                query = query.Where(e => e.RecordedAt >= fromInstant);
            if (to?.ToUniversalTime() is { } toInstant)
                query = query.Where(e => e.RecordedAt < toInstant);
            // One entry beyond the page tells whether more exist, so a last page that is exactly full says so.
            var found = await query.OrderBy(e => e.Position).Take(pageSize + 1).ToListAsync(ct);
            var entries = found.Take(pageSize).ToList();
            return Results.Ok(new AuditPage(entries, entries.Count > 0 ? entries[^1].Position : after ?? 0, found.Count > pageSize));
        }).Returns<AuditPage>().WithTags("Audit").RequireAuthorization(Permissions.ReadAudit);

    /// <summary>
    /// Entries stored under one of <paramref name="names"/>. One name (an event with one version, or a version asked for)
    /// is an equality, which the clinic + type + position index reads in page order from <c>after</c> on; several names
    /// are read whole from <c>after</c> on and sorted (PostgreSQL 16 reads an <c>= ANY</c> index range unordered).
    /// </summary>
    private static IQueryable<AuditEntry> OfType(IQueryable<AuditEntry> query, IReadOnlyList<string> names)
    {
        if (names.Count == 1)
        {
            var name = names[0];
            return query.Where(e => e.EventType == name);
        }
        var stored = names.ToArray();
        return query.Where(e => e.EventType.IsOneOf(stored));
    }

    /// <summary>A user id or an event type name is a name: stored text of at most <see cref="RequestLimits.Name"/> characters.</summary>
    private static string? FilterProblem(string name, string? value) =>
        value is not null && RequestValueChecks.TextProblem(value, RequestLimits.Name) is { } problem ? $"{name} {problem}." : null;
}
