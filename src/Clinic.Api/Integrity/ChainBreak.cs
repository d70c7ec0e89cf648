namespace Clinic.Api.Integrity;

/// <summary>
/// Where the records stopped being what was recorded: the stream and version, or for a checkpoint that fails its own
/// checks no stream and the checkpoint's sequence as <see cref="Version"/>.
/// </summary>
public sealed record ChainBreak(Guid? StreamId, long? Version, string Kind);

/// <summary>The kinds of <see cref="ChainBreak"/>.</summary>
public static class BreakKinds
{
    /// <summary>The event's content is not what was hashed.</summary>
    public const string Altered = "altered";

    /// <summary>An event that was recorded is not there.</summary>
    public const string Missing = "missing";

    /// <summary>An event that was not recorded through the chain: no hash, or a hash that does not follow the one before.</summary>
    public const string Inserted = "inserted";

    /// <summary>An event recorded at another version of its stream.</summary>
    public const string Reordered = "reordered";

    /// <summary>A stream a checkpoint holds has no events left.</summary>
    public const string StreamMissing = "stream-missing";

    /// <summary>A checkpoint whose hash, chain or signature does not check, or whose stream head is no longer in the chain.</summary>
    public const string CheckpointInvalid = "checkpoint-invalid";
}
