namespace Clinic.Api.Integrity;

/// <summary>
/// A checkpoint as kept outside the database: enough to check its signature with the public key it carries, and to
/// check later that the database still holds it (a database whose checkpoints were rewound no longer does).
/// </summary>
public sealed record ExportedCheckpoint(
    string Clinic, long Sequence, DateTime CreatedAt, int ChangedStreams, string PreviousHash, string Hash, string KeyId, string Signature, string PublicKey)
{
    public static ExportedCheckpoint Of(Checkpoint checkpoint, CheckpointSigner signer) => new(
        checkpoint.Clinic, checkpoint.Sequence, checkpoint.CreatedAt, checkpoint.ChangedHeads.Count, Convert.ToHexStringLower(checkpoint.PreviousHash),
        Convert.ToHexStringLower(checkpoint.Hash), checkpoint.KeyId, Convert.ToBase64String(checkpoint.Signature),
        signer.PublicKeyOf(checkpoint.KeyId) ?? "");

    /// <summary>Whether the database's checkpoint of the same sequence is this one.</summary>
    public bool Matches(Checkpoint? stored) =>
        stored is not null && stored.Sequence == Sequence && stored.KeyId == KeyId
        && Convert.ToHexStringLower(stored.Hash) == Hash.ToLowerInvariant() && Convert.ToBase64String(stored.Signature) == Signature;
}
