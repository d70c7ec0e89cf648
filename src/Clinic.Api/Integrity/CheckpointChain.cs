namespace Clinic.Api.Integrity;

/// <summary>A clinic's checkpoints in order: each checked on its own and against the one before, and the stream heads they add up to.</summary>
public static class CheckpointChain
{
    /// <summary>Every stream's latest head the checkpoints recorded.</summary>
    public static Dictionary<Guid, StreamHead> HeadsOf(IEnumerable<Checkpoint> checkpoints)
    {
        var heads = new Dictionary<Guid, StreamHead>();
        foreach (var head in checkpoints.SelectMany(checkpoint => checkpoint.ChangedHeads))
            heads[head.StreamId] = head;
        return heads;
    }

    /// <summary>
    /// The checkpoints that fail their checks (see <see cref="Checkpoint.Checks"/>), and the exported one when the
    /// database no longer holds it as exported (a rewound or rewritten store).
    /// </summary>
    public static IEnumerable<ChainBreak> Breaks(IReadOnlyList<Checkpoint> checkpoints, CheckpointSigner signer, ExportedCheckpoint? exported)
    {
        for (var i = 0; i < checkpoints.Count; i++)
        {
            if (!checkpoints[i].Checks(i == 0 ? null : checkpoints[i - 1], signer))
                yield return Invalid(checkpoints[i].Sequence);
        }
        if (exported is not null && !exported.Matches(checkpoints.FirstOrDefault(checkpoint => checkpoint.Sequence == exported.Sequence)))
            yield return Invalid(exported.Sequence);
    }

    private static ChainBreak Invalid(long sequence) => new(null, sequence, BreakKinds.CheckpointInvalid);
}
