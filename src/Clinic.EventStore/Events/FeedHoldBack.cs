namespace Clinic.EventStore.Events;

/// <summary>
/// Committed events the feed cannot hand out yet: they were written by transactions younger than the
/// oldest one still open in the cluster (<c>pg_snapshot_xmin</c>), which might yet write events that
/// sort before them.
/// </summary>
/// <param name="Events">How many committed, visible events wait above the oldest open transaction.</param>
/// <param name="Holder">That transaction, when events wait and this database user may see it (other users' sessions need <c>pg_read_all_stats</c>).</param>
public sealed record FeedHoldBack(long Events, HoldingTransaction? Holder)
{
    public static readonly FeedHoldBack None = new(0, null);

    public bool IsHoldingBack => Events > 0;

    /// <summary>How long the holder has been open: an upper bound of how long the oldest of these events has waited.</summary>
    public TimeSpan HeldFor => Holder?.OpenFor ?? TimeSpan.Zero;

    public override string ToString() => IsHoldingBack
        ? $"{Events} committed events held back by {Holder?.ToString() ?? "an open transaction this user cannot see"}"
        : "no events held back";
}
