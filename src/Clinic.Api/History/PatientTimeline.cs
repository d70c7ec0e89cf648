using Clinic.Api.Commands;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Marten;

namespace Clinic.Api.History;

internal static class PatientTimeline
{
    /// <summary>
    /// The patient's state and stored timeline, with the clinic's policy as it is now: in one round trip, or as of a
    /// moment (the state folded from the stream up to it, then the rest, so the timeline holds every entry the fold saw).
    /// </summary>
    public static async Task<(PatientHistory? State, IReadOnlyList<TimelineDocument> Timeline, ClinicPolicy Policy)> ReadHistoryAsync(
        this IQuerySession session, Guid patientId, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        // The state (as of the moment: folded first) is read before the timeline: entries committed between the reads are
        // beyond its version and left out.
        var asItStood = asOf is null ? null : await session.Events.AggregateStreamAsync<PatientHistory>(patientId, timestamp: asOf, token: cancellationToken);
        var batch = session.CreateBatchQuery();
        var current = batch.Load<PatientHistory>(patientId);
        var timeline = batch.Query<TimelineDocument>().Where(d => d.PatientId == patientId).ToList();
        var clinic = batch.Events.FetchStream(StreamIds.ForClinic(session.TenantId));
        await batch.Execute(cancellationToken);
        var policy = StreamLoading.Fold(await clinic, ClinicDecider.Initial, ClinicDecider.Evolve).Policy;
        return (asOf is null ? await current : ErasedSince(asItStood, await current), await timeline, policy);
    }

    /// <summary>
    /// The record as it stood, erased if the patient has been since: her personal values no longer read, and what the
    /// fold made of them (blank names, an unknown birth date) is no identity to show.
    /// </summary>
    private static PatientHistory? ErasedSince(PatientHistory? asItStood, PatientHistory? now) =>
        asItStood is not null && now?.Record.Erasure is { } erasure
            ? asItStood with { Record = PatientDecider.Evolve(asItStood.Record, erasure) }
            : asItStood;

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
