using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Signatures;

namespace Clinic.Api.Signatures;

/// <summary>
/// A signature of a record as the API shows it: the manifestation (signer, printed name, role, time, meaning), the
/// hash it signed, the hash of the record's content now, and whether it still signs the record (valid) or not (superseded),
/// or whether it did when the patient was erased (erased).
/// </summary>
public sealed record SignatureView(
    string Record,
    Guid RecordId,
    string SignerId,
    string PrintedName,
    string Role,
    DateTimeOffset SignedAt,
    SignatureMeaning Meaning,
    string SignedHash,
    string? CurrentHash,
    SignatureState State)
{
    public const string SessionRecord = "session";
    public const string ReviewRecord = "side-effect-review";

    public static IReadOnlyList<SignatureView> OfSession(PatientState record, Session session) =>
        Of(record, SessionRecord, session.SessionId, session.Signatures, () => SignedContent.HashOf(record.PatientId, session));

    public static IReadOnlyList<SignatureView> OfReview(PatientState record, SideEffect sideEffect) =>
        Of(record, ReviewRecord, sideEffect.SideEffectId, sideEffect.ReviewSignatures, () => SignedContent.HashOf(record.PatientId, sideEffect));

    /// <summary>Every signature in the patient's record: the sessions' in the order of the sessions, then the reviews'.</summary>
    public static IReadOnlyList<SignatureView> AllOf(PatientState record) =>
    [
        .. record.Sessions.SelectMany(session => OfSession(record, session)),
        .. record.SideEffects.SelectMany(sideEffect => OfReview(record, sideEffect)),
    ];

    /// <summary>
    /// The record's content is hashed only when it has signatures (a history reads every session, few of them signed),
    /// and never once the patient is erased: her notes read as nothing, and their hash would say the record changed.
    /// </summary>
    private static IReadOnlyList<SignatureView> Of(
        PatientState patient, string kind, Guid recordId, IReadOnlyList<Signature> signatures, Func<string?> currentHash) =>
        signatures.Count == 0 ? [] : (patient.Erasure is { } erasure
            ? SignatureStatus.OfErased(signatures, erasure.ValidlySigned.Contains(recordId))
            : SignatureStatus.Of(signatures, currentHash())).Select(status => new SignatureView(kind, recordId, status.Signature.SignerId,
            status.Signature.PrintedName, status.Signature.Role, status.Signature.SignedAt, status.Signature.Meaning,
            status.Signature.ContentHash, status.CurrentHash, status.State)).ToList();
}
