using Marten;

namespace Clinic.Api.History;

internal static class PatientTimeline
{
    /// <summary>
    /// The patient's state and stored timeline: as they are now in one round trip, or as of a moment (the state folded
    /// from the stream up to it).
    /// </summary>
    public static async Task<(PatientHistory? State, IReadOnlyList<TimelineDocument> Timeline)> ReadHistoryAsync(
        this IQuerySession session, Guid patientId, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var current = asOf is null ? batch.Load<PatientHistory>(patientId) : null;
        var timeline = batch.Query<TimelineDocument>().Where(d => d.PatientId == patientId).ToList();
        await batch.Execute(cancellationToken);
        var state = current is not null
            ? await current
            : await session.Events.AggregateStreamAsync<PatientHistory>(patientId, timestamp: asOf, token: cancellationToken);
        return (state, await timeline);
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
