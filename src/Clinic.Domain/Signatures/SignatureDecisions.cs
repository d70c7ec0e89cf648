using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;

namespace Clinic.Domain.Signatures;

/// <summary>
/// Signatures of records (21 CFR 11.50, 11.70): made by the person the record names as its author, with the meaning
/// the record calls for, over the record's content as it is now; once per content.
/// </summary>
internal static class SignatureDecisions
{
    public static Decision SignSession(SignSession command, PatientState state)
    {
        if (state.FindSession(command.SessionId) is not { } session)
            return Decision.Refuse(SessionRules.NotFound(command.SessionId));
        var contentHash = SignedContent.HashOf(state.PatientId, session);
        return (CheckMeaning(command.Meaning, SignatureMeaning.Performed, "A session's performed record")
                ?? Check.That(contentHash is not null, RefusalCodes.SessionNotPerformed,
                    $"Session {session.SessionId} has no performed record to sign.")
                ?? Check.That(command.PractitionerUserId is not null && command.PractitionerUserId == command.Signer.UserId,
                    RefusalCodes.NotPerformingPractitioner, "Only the practitioner who performed the session signs its record.")
                ?? CheckPrintedName(command.Signer)
                ?? CheckNotSigned(session.Signatures, contentHash, $"Session {session.SessionId}")) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new SessionSigned(command.PatientId, session.SessionId,
                SignatureOf(command.Signer, command.SignedAt, command.Meaning, contentHash!)));
    }

    public static Decision SignSideEffectReview(SignSideEffectReview command, PatientState state) =>
        SideEffectDecisions.WithSideEffect(command.SideEffectId, state, sideEffect =>
        {
            var contentHash = SignedContent.HashOf(state.PatientId, sideEffect);
            return (CheckMeaning(command.Meaning, SignatureMeaning.Reviewed, "A side effect's review")
                    ?? Check.That(sideEffect.Review is not null, RefusalCodes.SideEffectNotReviewed,
                        $"Side effect {sideEffect.SideEffectId} has no review to sign.")
                    ?? Check.That(sideEffect.Review!.ReviewedBy == command.Signer.UserId, RefusalCodes.NotReviewer,
                        "Only the clinician who reviewed the side effect signs the review.")
                    ?? CheckPrintedName(command.Signer)
                    ?? CheckNotSigned(sideEffect.ReviewSignatures, contentHash, $"The review of side effect {sideEffect.SideEffectId}")) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(new SideEffectReviewSigned(command.PatientId, sideEffect.SideEffectId,
                    SignatureOf(command.Signer, command.SignedAt, command.Meaning, contentHash!)));
        });

    private static Refusal? CheckMeaning(SignatureMeaning meaning, SignatureMeaning required, string record) =>
        Check.That(meaning == required, RefusalCodes.SignatureMeaningMismatch,
            $"{record} is signed as {required.ToString().ToLowerInvariant()}, not as {meaning.ToString().ToLowerInvariant()}.");

    private static Refusal? CheckPrintedName(Signer signer) =>
        Check.That(!string.IsNullOrWhiteSpace(signer.PrintedName), RefusalCodes.PrintedNameRequired,
            "A signature shows the signer's printed name, and the signer's credential carries none.");

    private static Refusal? CheckNotSigned(IReadOnlyList<Signature> signatures, string? contentHash, string record) =>
        Check.That(!SignatureStatus.IsValidlySigned(signatures, contentHash), RefusalCodes.AlreadySigned,
            $"{record} is already signed and has not been corrected since.");

    private static Signature SignatureOf(Signer signer, DateTimeOffset signedAt, SignatureMeaning meaning, string contentHash) =>
        new(signer.UserId, signer.PrintedName!, signer.Role, signedAt, meaning, contentHash);
}
