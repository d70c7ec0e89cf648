using Marten;

namespace Clinic.Api.History;

internal static class PatientTimeline
{
    /// <summary>
    /// The patient's timeline up to <paramref name="version"/>, in order, each entry listing the entries that correct it
    /// (and, with <paramref name="asOf"/>, only what was recorded by then).
    /// </summary>
    public static async Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(
        this IQuerySession session, Guid patientId, long version, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var stored = await session.Query<TimelineDocument>().Where(d => d.PatientId == patientId).ToListAsync(cancellationToken);
        var entries = stored.Select(d => d.Entry)
            .Where(entry => entry.Version <= version && (asOf is null || entry.At <= asOf))
            .OrderBy(entry => entry.Version)
            .ToList();
        var corrections = entries.Where(entry => entry.Corrects is not null).ToLookup(entry => entry.Corrects!.Value, entry => entry.EventId);
        return [.. entries.Select(entry => entry with { CorrectedBy = [.. corrections[entry.EventId]] })];
    }
}
