using Marten;

namespace Clinic.Api.History;

internal static class PatientTimeline
{
    /// <summary>
    /// The patient's state and stored timeline: as they are now in one round trip, or as of a moment (the state folded
    /// from the stream up to it, then the timeline, so the timeline holds every entry the fold saw).
    /// </summary>
    public static async Task<(PatientHistory? State, IReadOnlyList<TimelineDocument> Timeline)> ReadHistoryAsync(
        this IQuerySession session, Guid patientId, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        if (asOf is not null)
        {
            var folded = await session.Events.AggregateStreamAsync<PatientHistory>(patientId, timestamp: asOf, token: cancellationToken);
            return (folded, await session.Query<TimelineDocument>().Where(d => d.PatientId == patientId).ToListAsync(cancellationToken));
        }
        // The state is read first: entries committed between the two reads are beyond its version and left out.
        var batch = session.CreateBatchQuery();
        var current = batch.Load<PatientHistory>(patientId);
        var timeline = batch.Query<TimelineDocument>().Where(d => d.PatientId == patientId).ToList();
        await batch.Execute(cancellationToken);
        return (await current, await timeline);
    }

    /// <summary>
    /// The timeline of <paramref name="state"/>: the entries up to its version, in order, each listing the entries that
    /// correct it (and, with <paramref name="asOf"/>, only what was recorded by then).
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Of(PatientHistory state, IReadOnlyList<TimelineDocument> stored, DateTimeOffset? asOf)
    {
        var entries = stored.Select(d => d.Entry)
            .Where(entry => entry.Version <= state.Version && (asOf is null || entry.At <= asOf))
            .OrderBy(entry => entry.Version)
            .ToList();
        var corrections = entries.Where(entry => entry.Corrects is not null).ToLookup(entry => entry.Corrects!.Value, entry => entry.EventId);
        return [.. entries.Select(entry => entry with { CorrectedBy = [.. corrections[entry.EventId]] })];
    }
}
