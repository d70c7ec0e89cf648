namespace Clinic.Domain.Signatures;

public enum SignatureState
{
    /// <summary>The record's latest signature, and the record's content is still the content signed.</summary>
    Valid = 1,

    /// <summary>The record was corrected since (its content hash differs), or signed again: a new signature is needed.</summary>
    Superseded = 2,

    /// <summary>
    /// The patient was erased while this signature still signed the record: the record's personal values (its notes)
    /// no longer read, so its content cannot be hashed again. The signature stays on record, with the hash it signed.
    /// </summary>
    Erased = 3,
}

/// <summary>A signature of a record, the hash of the record's content now (null: it has none) and what follows from the two.</summary>
public sealed record SignatureStatus(Signature Signature, string? CurrentHash, SignatureState State)
{
    /// <summary>
    /// The record's signatures in the order given: only the latest can be valid, and only while the record's content
    /// hashes to what it signed. One superseded stays superseded, even if a later correction restores what it signed.
    /// </summary>
    public static IReadOnlyList<SignatureStatus> Of(IReadOnlyList<Signature> signatures, string? currentHash) =>
        signatures.Select((signature, index) => new SignatureStatus(signature, currentHash,
                index == signatures.Count - 1 && signature.ContentHash == currentHash ? SignatureState.Valid : SignatureState.Superseded))
            .ToList();

    /// <summary>
    /// The signatures of an erased patient's record, whose content can no longer be hashed: the latest is
    /// <see cref="SignatureState.Erased"/> if it still signed the record when she was erased, superseded otherwise.
    /// </summary>
    public static IReadOnlyList<SignatureStatus> OfErased(IReadOnlyList<Signature> signatures, bool validWhenErased) =>
        signatures.Select((signature, index) => new SignatureStatus(signature, null,
                index == signatures.Count - 1 && validWhenErased ? SignatureState.Erased : SignatureState.Superseded))
            .ToList();

    /// <summary>Whether the record's latest signature still signs its content: then it needs no other.</summary>
    public static bool IsValidlySigned(IReadOnlyList<Signature> signatures, string? currentHash) =>
        Of(signatures, currentHash) is [.., { State: SignatureState.Valid }];
}
