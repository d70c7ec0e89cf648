using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Erasure;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Signatures;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class SignatureTests
{
    private const string PrintedName = "Dr Ana Silva";
    private static readonly DateTimeOffset SignedAt = At(3, 3, 11);
    private static readonly Signer Ana = new(PractitionerUserId, PrintedName, "practitioner");
    private static readonly Signer Reviewer = new(ClinicianId, "Dr Rui Costa", "clinician");

    private static IDomainEvent[] PerformedSession() => [.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3))];

    private static SignSession SignPerformed(Signer? signer = null, SignatureMeaning meaning = SignatureMeaning.Performed, Guid? sessionId = null) =>
        new(PatientId, sessionId ?? SessionId, meaning, signer ?? Ana, SignedAt, PractitionerUserId);

    private static SessionRecordCorrected LotCorrected(string lot) =>
        new(PatientId, CorrectedEventId, "Lot digits swapped", SessionId, Treatment(Product(lot: lot)));

    private static string SessionHash(params IDomainEvent[] history)
    {
        var state = Given.Patient(history).State;
        return SignedContent.HashOf(PatientId, state.FindSession(SessionId)!)!;
    }

    private static SessionSigned Signed(params IDomainEvent[] history) =>
        new(PatientId, SessionId, new Signature(PractitionerUserId, PrintedName, "practitioner", SignedAt, SignatureMeaning.Performed, SessionHash(history)));

    [Fact]
    public void The_practitioner_who_performed_a_session_signs_its_record_with_her_name_role_time_meaning_and_the_records_hash()
    {
        var history = PerformedSession();

        Given.Patient(history).When(SignPerformed()).ThenEmits(Signed(history));
        SessionHash(history).ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Only_the_practitioner_who_performed_the_session_signs_it_not_a_clinician_nor_another_practitioner()
    {
        Given.Patient(PerformedSession()).When(SignPerformed(new Signer("practitioner-rui", "Rui Costa", "practitioner")))
            .ThenRefuses(RefusalCodes.NotPerformingPractitioner);
        Given.Patient(PerformedSession()).When(SignPerformed(Reviewer)).ThenRefuses(RefusalCodes.NotPerformingPractitioner);
        Given.Patient(PerformedSession()).When(SignPerformed() with { PractitionerUserId = null })
            .ThenRefuses(RefusalCodes.NotPerformingPractitioner);
    }

    [Fact]
    public void An_unknown_session_or_one_not_performed_has_no_record_to_sign()
    {
        Given.Patient(PerformedSession()).When(SignPerformed(sessionId: SecondSessionId)).ThenRefuses(RefusalCodes.SessionNotFound);
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))]).When(SignPerformed()).ThenRefuses(RefusalCodes.SessionNotPerformed);
    }

    [Fact]
    public void A_session_is_signed_as_performed_only() =>
        Given.Patient(PerformedSession()).When(SignPerformed(meaning: SignatureMeaning.Reviewed)).ThenRefuses(RefusalCodes.SignatureMeaningMismatch);

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_signature_shows_a_printed_name(string? name) =>
        Given.Patient(PerformedSession()).When(SignPerformed(Ana with { PrintedName = name })).ThenRefuses(RefusalCodes.PrintedNameRequired);

    [Fact]
    public void A_record_validly_signed_is_not_signed_again() =>
        Given.Patient([.. PerformedSession(), Signed(PerformedSession())]).When(SignPerformed()).ThenRefuses(RefusalCodes.AlreadySigned);

    [Fact]
    public void A_correction_of_the_signed_record_supersedes_its_signature_and_the_record_is_signed_again()
    {
        var corrected = Given.Patient([.. PerformedSession(), Signed(PerformedSession()), LotCorrected("LOT-2025-013")]);

        var session = corrected.State.FindSession(SessionId)!;
        var status = SignatureStatus.Of(session.Signatures, SignedContent.HashOf(PatientId, session)).ShouldHaveSingleItem();
        status.State.ShouldBe(SignatureState.Superseded);
        status.CurrentHash.ShouldNotBe(status.Signature.ContentHash);
        corrected.When(SignPerformed()).ThenAccepts();
    }

    [Fact]
    public void The_signature_given_after_a_correction_is_the_valid_one_and_signs_the_corrected_content()
    {
        IDomainEvent[] corrected = [.. PerformedSession(), Signed(PerformedSession()), LotCorrected("LOT-2025-013")];
        var resigned = Given.Patient([.. corrected, Signed(corrected)]).State.FindSession(SessionId)!;

        SignatureStatus.Of(resigned.Signatures, SignedContent.HashOf(PatientId, resigned)).Select(status => status.State)
            .ShouldBe([SignatureState.Superseded, SignatureState.Valid]);
    }

    [Fact]
    public void An_erasure_lists_the_records_validly_signed_when_it_was_decided_and_leaves_out_a_superseded_one()
    {
        var secondSession = Guid.NewGuid();
        IDomainEvent[] signedThenCorrected = [.. PerformedSession(), Signed(PerformedSession()), LotCorrected("LOT-2025-013"),
            Scheduled(secondSession, At(3, 17)), Performed(secondSession, At(3, 17))];
        var secondState = Given.Patient(signedThenCorrected).State;
        var signedSecond = new SessionSigned(PatientId, secondSession, new Signature(PractitionerUserId, PrintedName, "practitioner", SignedAt,
            SignatureMeaning.Performed, SignedContent.HashOf(PatientId, secondState.FindSession(secondSession)!)!));

        var erased = Given.Patient([.. signedThenCorrected, signedSecond])
            .When(new ErasePatient(PatientId, "Court order", LegalObligation: true, At(4, 1), Policy)).ThenEmitsSingle<PatientErased>();

        erased.ValidlySigned.ShouldBe([secondSession]);
    }

    [Fact]
    public void Once_the_patient_is_erased_a_signature_valid_then_is_erased_and_one_superseded_then_stays_superseded()
    {
        IDomainEvent[] corrected = [.. PerformedSession(), Signed(PerformedSession()), LotCorrected("LOT-2025-013")];
        var resigned = Given.Patient([.. corrected, Signed(corrected)]).State.FindSession(SessionId)!;

        var validWhenErased = SignatureStatus.OfErased(resigned.Signatures, validWhenErased: true);
        var supersededWhenErased = SignatureStatus.OfErased(resigned.Signatures, validWhenErased: false);

        validWhenErased.Select(status => status.State).ShouldBe([SignatureState.Superseded, SignatureState.Erased]);
        supersededWhenErased.Select(status => status.State).ShouldBe([SignatureState.Superseded, SignatureState.Superseded]);
        validWhenErased.ShouldAllBe(status => status.CurrentHash == null);
    }

    [Fact]
    public void A_signature_once_superseded_stays_so_when_a_later_correction_restores_what_it_signed()
    {
        IDomainEvent[] corrected = [.. PerformedSession(), Signed(PerformedSession()), LotCorrected("LOT-2025-013")];
        var restored = Given.Patient([.. corrected, Signed(corrected), LotCorrected("LOT-2025-031")]).State.FindSession(SessionId)!;

        SignatureStatus.Of(restored.Signatures, SignedContent.HashOf(PatientId, restored)).Select(status => status.State)
            .ShouldBe([SignatureState.Superseded, SignatureState.Superseded]);
    }

    [Fact]
    public void The_hash_changes_with_the_content_and_not_with_how_a_number_was_written()
    {
        var recorded = SessionHash(PerformedSession());

        SessionHash([.. PerformedSession(), LotCorrected("LOT-2025-013")]).ShouldNotBe(recorded);
        SessionHash([.. PerformedSession(), LotCorrected("LOT-2025-031")]).ShouldBe(recorded);
        SessionHash([.. PerformedSession(), new SessionRecordCorrected(PatientId, CorrectedEventId, "Depth", SessionId,
            Treatment() with { DepthMm = 2.000m })]).ShouldBe(recorded);
        SessionHash([.. PerformedSession(), new SessionRecordCorrected(PatientId, CorrectedEventId, "Depth", SessionId,
            Treatment() with { DepthMm = 2.5m })]).ShouldNotBe(recorded);
    }

    [Fact]
    public void The_same_content_in_another_session_or_patients_record_hashes_otherwise_so_a_signature_cannot_be_copied_to_it()
    {
        var session = Given.Patient(PerformedSession()).State.FindSession(SessionId)!;

        SignedContent.HashOf(Guid.NewGuid(), session).ShouldNotBe(SignedContent.HashOf(PatientId, session));
        SignedContent.HashOf(PatientId, session with { SessionId = SecondSessionId }).ShouldNotBe(SignedContent.HashOf(PatientId, session));
    }

    private static IDomainEvent[] ReviewedInfection(string notes = "Cultures negative.") =>
    [
        .. PerformedSession(), Reported(Infection(SessionId)),
        new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.Resume, notes, ClinicianId, At(3, 12, 15)),
    ];

    private static SignSideEffectReview SignReview(Signer? signer = null, SignatureMeaning meaning = SignatureMeaning.Reviewed) =>
        new(PatientId, SideEffectId, meaning, signer ?? Reviewer, At(3, 12, 16));

    private static SideEffectReviewSigned ReviewSigned(params IDomainEvent[] history) =>
        new(PatientId, SideEffectId, new Signature(ClinicianId, "Dr Rui Costa", "clinician", At(3, 12, 16), SignatureMeaning.Reviewed,
            SignedContent.HashOf(PatientId, Given.Patient(history).State.FindSideEffect(SideEffectId)!)!));

    private static IReadOnlyList<SignatureState> ReviewSignatureStates(params IDomainEvent[] history)
    {
        var sideEffect = Given.Patient(history).State.FindSideEffect(SideEffectId)!;
        return SignatureStatus.Of(sideEffect.ReviewSignatures, SignedContent.HashOf(PatientId, sideEffect)).Select(status => status.State).ToList();
    }

    [Fact]
    public void The_clinician_who_reviewed_a_side_effect_signs_the_review() =>
        Given.Patient(ReviewedInfection()).When(SignReview()).ThenEmits(ReviewSigned(ReviewedInfection()));

    [Fact]
    public void Only_the_reviewing_clinician_signs_a_review_as_reviewed_once_there_is_one()
    {
        Given.Patient(ReviewedInfection()).When(SignReview(new Signer("clinician-eva", "Dr Eva Lima", "clinician")))
            .ThenRefuses(RefusalCodes.NotReviewer);
        Given.Patient(ReviewedInfection()).When(SignReview(meaning: SignatureMeaning.Performed)).ThenRefuses(RefusalCodes.SignatureMeaningMismatch);
        Given.Patient([.. PerformedSession(), Reported(Infection(SessionId))]).When(SignReview()).ThenRefuses(RefusalCodes.SideEffectNotReviewed);
        Given.Patient(PerformedSession()).When(SignReview()).ThenRefuses(RefusalCodes.SideEffectNotFound);
        Given.Patient([.. ReviewedInfection(), ReviewSigned(ReviewedInfection())]).When(SignReview()).ThenRefuses(RefusalCodes.AlreadySigned);
    }

    [Fact]
    public void Correcting_the_reviews_notes_supersedes_its_signature()
    {
        IDomainEvent[] signed = [.. ReviewedInfection(), ReviewSigned(ReviewedInfection())];

        ReviewSignatureStates(signed).ShouldBe([SignatureState.Valid]);
        IDomainEvent[] corrected = [.. signed, new SideEffectReviewCorrected(PatientId, CorrectedEventId, "Typo", SideEffectId, "Cultures negative twice.")];
        ReviewSignatureStates(corrected).ShouldBe([SignatureState.Superseded]);
        Given.Patient(corrected).When(SignReview()).ThenAccepts();
    }

    [Fact]
    public void A_correction_that_reopens_the_review_supersedes_its_signature_until_a_new_review_is_signed()
    {
        IDomainEvent[] reopened =
        [
            .. ReviewedInfection(), ReviewSigned(ReviewedInfection()),
            new SideEffectCorrected(PatientId, CorrectedEventId, "Graver", SideEffectId, Infection(SessionId) with { Severity = Severity.LifeThreatening,
                Seriousness = [Seriousness.Hospitalisation, Seriousness.LifeThreatening] }, true, At(3, 17, 12), null, ReopensReview: true),
        ];

        ReviewSignatureStates(reopened).ShouldBe([SignatureState.Superseded]);
        Given.Patient(reopened).When(SignReview()).ThenRefuses(RefusalCodes.SideEffectNotReviewed);
    }
}
