namespace Clinic.Api.Integrity;

/// <summary>
/// One stream's events checked against their hash rows, version by version: each event's hash computed again and
/// compared with its row, each row's previous hash compared with the row before. Tombstones are checked one by one.
/// </summary>
public static class StreamCheck
{
    public static IEnumerable<ChainBreak> Breaks(Guid streamId, IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredLink> links)
    {
        var eventAt = events.ToDictionary(e => e.Version);
        var linkAt = links.ToDictionary(link => link.Version);
        var chained = !events.Any(e => e.IsTombstone);
        var versions = chained ? AllVersionsUpTo(eventAt.Keys.Concat(linkAt.Keys).DefaultIfEmpty(0).Max()) : eventAt.Keys.Union(linkAt.Keys).Order();
        foreach (var version in versions)
        {
            if (Break(version, eventAt, linkAt, chained) is { } kind)
                yield return new ChainBreak(streamId, version, kind);
        }
    }

    private static IEnumerable<long> AllVersionsUpTo(long last)
    {
        for (var version = 1L; version <= last; version++)
            yield return version;
    }

    private static string? Break(long version, Dictionary<long, StoredEvent> eventAt, Dictionary<long, StoredLink> linkAt, bool chained)
    {
        if (!eventAt.TryGetValue(version, out var stored))
            return BreakKinds.Missing;
        if (!linkAt.TryGetValue(version, out var link))
            return BreakKinds.Inserted;
        if (!EventHash.Of(link.PreviousHash, stored).AsSpan().SequenceEqual(link.Hash))
            return MovedFromAnotherVersion(stored, linkAt) ? BreakKinds.Reordered : BreakKinds.Altered;
        return FollowsTheOneBefore(version, link, linkAt, chained) ? null : BreakKinds.Inserted;
    }

    /// <summary>Whether the event hashes as recorded at another version: it was moved.</summary>
    private static bool MovedFromAnotherVersion(StoredEvent stored, Dictionary<long, StoredLink> linkAt) =>
        linkAt.Values.Any(other => other.Version != stored.Version
            && EventHash.Of(other.PreviousHash, stored with { Version = other.Version }).AsSpan().SequenceEqual(other.Hash));

    /// <summary>
    /// Whether the row's previous hash is the hash of the row before (the genesis hash for the first, and for a
    /// tombstone). Without a row before, the gap is the break, reported as missing.
    /// </summary>
    private static bool FollowsTheOneBefore(long version, StoredLink link, Dictionary<long, StoredLink> linkAt, bool chained)
    {
        if (!chained || version == 1)
            return link.PreviousHash.AsSpan().SequenceEqual(EventHash.Genesis);
        return !linkAt.TryGetValue(version - 1, out var before) || link.PreviousHash.AsSpan().SequenceEqual(before.Hash);
    }
}
