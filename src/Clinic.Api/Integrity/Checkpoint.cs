using System.Globalization;

namespace Clinic.Api.Integrity;

/// <summary>The last event of a stream when a checkpoint was taken: its version and its hash (hex).</summary>
public sealed record StreamHead(Guid StreamId, long Version, string Hash);

/// <summary>
/// A clinic's signed statement of its streams' heads at a moment: the heads that changed since checkpoint
/// <see cref="Sequence"/> - 1, chained to that checkpoint by its hash. <see cref="Hash"/> covers every other field but
/// the signature, which signs it.
/// </summary>
public sealed record Checkpoint(
    string Clinic, long Sequence, DateTime CreatedAt, IReadOnlyList<StreamHead> ChangedHeads, byte[] PreviousHash, byte[] Hash,
    string KeyId, byte[] Signature)
{
    /// <summary>The first field of every checkpoint's hash: the version of this layout.</summary>
    public const string Format = "clinic-checkpoint/1";

    /// <summary>The hash the first checkpoint of a clinic is chained to.</summary>
    public static byte[] Genesis => EventHash.Genesis;

    public static byte[] HashOf(string clinic, long sequence, DateTime createdAt, IReadOnlyList<StreamHead> changedHeads, byte[] previousHash)
    {
        using var hash = new CanonicalHash();
        hash.Field(Format).Field(clinic).Field(Number(sequence)).Field(Number(EventHash.MicrosecondsSinceEpoch(createdAt)))
            .Field(previousHash).Field(Number(changedHeads.Count));
        foreach (var head in changedHeads)
            hash.Field(head.StreamId.ToString()).Field(Number(head.Version)).Field(head.Hash);
        return hash.Finish();
    }

    public static Checkpoint Signed(string clinic, long sequence, DateTime createdAt, IReadOnlyList<StreamHead> changedHeads, byte[] previousHash, CheckpointSigner signer)
    {
        var hash = HashOf(clinic, sequence, createdAt, changedHeads, previousHash);
        return new Checkpoint(clinic, sequence, createdAt, changedHeads, previousHash, hash, signer.KeyId, signer.Sign(hash));
    }

    /// <summary>Whether the checkpoint is the one its hash and signature say, and follows <paramref name="before"/> (none for the first).</summary>
    public bool Checks(Checkpoint? before, CheckpointSigner signer) =>
        Sequence == (before?.Sequence ?? 0) + 1
        && PreviousHash.AsSpan().SequenceEqual(before?.Hash ?? Genesis)
        && HashOf(Clinic, Sequence, CreatedAt, ChangedHeads, PreviousHash).AsSpan().SequenceEqual(Hash)
        && signer.Verifies(KeyId, Hash, Signature);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
