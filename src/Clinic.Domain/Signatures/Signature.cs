namespace Clinic.Domain.Signatures;

/// <summary>
/// A signature's manifestation (21 CFR 11.50): the signer's id, printed name and role, when, what it means, and the
/// SHA-256 of the signed record's canonical content (<see cref="SignedContent"/>), which links it to that record (11.70).
/// </summary>
public sealed record Signature(
    string SignerId,
    string PrintedName,
    string Role,
    DateTimeOffset SignedAt,
    SignatureMeaning Meaning,
    string ContentHash);
