using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>Corrections of what followed a side effect's report: its resolution, the clinician's review, the regulator's notification.</summary>
public class SideEffectFollowUpCorrectionTests
{
    private const string Reason = "Entered from the wrong discharge letter";

    private static readonly SideEffectResolved Resolved = new(PatientId, SideEffectId, At(3, 20), SideEffectOutcome.Recovered, null);

    private static readonly SideEffectReviewed Reviewed =
        new(PatientId, SideEffectId, ReviewDecision.Resume, "Cleared after infectious disease consult", "clinician-1", At(3, 12));

    private static readonly RegulatorNotified Notified = new(PatientId, SideEffectId, At(3, 15), "REF-2025-001");

    private static IDomainEvent[] Infected(params IDomainEvent[] extra) =>
        [.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3)), Reported(Infection(SessionId)), .. extra];

    private static CorrectSideEffectResolution CorrectResolution(DateTimeOffset? resolvedAt = null, SideEffectOutcome outcome = SideEffectOutcome.RecoveredWithSequelae) =>
        new(PatientId, CorrectedEventId, Reason, SideEffectId, resolvedAt ?? At(3, 24), outcome, "Small scar left", Now);

    private static CorrectSideEffectReview CorrectReview(ReviewDecision decision = ReviewDecision.Resume, string notes = "Cleared after dermatology consult") =>
        new(PatientId, CorrectedEventId, Reason, SideEffectId, decision, notes);

    private static CorrectRegulatorNotification CorrectNotification() =>
        new(PatientId, CorrectedEventId, Reason, SideEffectId, At(3, 14), "REF-2025-010", Now);

    [Fact]
    public void Correcting_a_resolution_replaces_its_time_outcome_and_notes()
    {
        var correction = new SideEffectResolutionCorrected(
            PatientId, CorrectedEventId, Reason, SideEffectId, At(3, 24), SideEffectOutcome.RecoveredWithSequelae, "Small scar left");

        Given.Patient(Infected(Resolved)).When(CorrectResolution()).ThenEmits(correction);

        var resolution = Given.Patient(Infected(Resolved, correction)).State.SideEffects.ShouldHaveSingleItem().Resolution!;
        resolution.ResolvedAt.ShouldBe(At(3, 24));
        resolution.Outcome.ShouldBe(SideEffectOutcome.RecoveredWithSequelae);
        resolution.Notes.ShouldBe("Small scar left");
    }

    [Fact]
    public void An_open_side_effect_has_no_resolution_to_correct() =>
        Given.Patient(Infected()).When(CorrectResolution()).ThenRefuses(RefusalCodes.SideEffectNotResolved);

    [Fact]
    public void A_corrected_resolution_cannot_precede_the_onset() =>
        Given.Patient(Infected(Resolved)).When(CorrectResolution(At(3, 9))).ThenRefuses(RefusalCodes.InvalidResolution);

    [Fact]
    public void A_corrected_resolution_has_a_known_outcome() =>
        Given.Patient(Infected(Resolved)).When(CorrectResolution(outcome: (SideEffectOutcome)42)).ThenRefuses(RefusalCodes.InvalidResolution);

    [Fact]
    public void Correcting_review_notes_keeps_the_decision_and_its_effect()
    {
        var correction = new SideEffectReviewCorrected(PatientId, CorrectedEventId, Reason, SideEffectId, "Cleared after dermatology consult");

        Given.Patient(Infected(Reviewed)).When(CorrectReview()).ThenEmits(correction);

        var state = Given.Patient(Infected(Reviewed, correction)).State;
        state.SideEffects.ShouldHaveSingleItem().Review.ShouldBe(Reviewed with { Notes = "Cleared after dermatology consult" });
        state.IsTreatmentSuspended.ShouldBeFalse();
    }

    [Fact]
    public void A_review_decision_is_not_corrected() =>
        Given.Patient(Infected(Reviewed)).When(CorrectReview(ReviewDecision.StopTreatment)).ThenRefuses(RefusalCodes.ReviewDecisionFinal);

    [Fact]
    public void A_side_effect_not_reviewed_has_no_review_to_correct() =>
        Given.Patient(Infected()).When(CorrectReview()).ThenRefuses(RefusalCodes.SideEffectNotReviewed);

    [Fact]
    public void Corrected_review_notes_are_not_blank() =>
        Given.Patient(Infected(Reviewed)).When(CorrectReview(notes: " ")).ThenRefuses(RefusalCodes.InvalidReview);

    [Fact]
    public void Correcting_a_notification_replaces_its_time_and_reference()
    {
        var correction = new RegulatorNotificationCorrected(PatientId, CorrectedEventId, Reason, SideEffectId, At(3, 14), "REF-2025-010");

        Given.Patient(Infected(Notified)).When(CorrectNotification()).ThenEmits(correction);

        Given.Patient(Infected(Notified, correction)).State.SideEffects.ShouldHaveSingleItem().Notification
            .ShouldBe(new RegulatorNotified(PatientId, SideEffectId, At(3, 14), "REF-2025-010"));
    }

    [Fact]
    public void A_regulator_not_notified_has_no_notification_to_correct() =>
        Given.Patient(Infected()).When(CorrectNotification()).ThenRefuses(RefusalCodes.RegulatorNotNotified);

    public static TheoryData<string> Facts => ["resolution", "review", "notification"];

    [Theory]
    [MemberData(nameof(Facts))]
    public void Correcting_what_followed_an_unknown_side_effect_is_refused(string fact) =>
        Given.Patient(Infected(Resolved, Reviewed, Notified))
            .When(Correction(fact) switch
            {
                CorrectSideEffectResolution c => c with { SideEffectId = Guid.NewGuid() },
                CorrectSideEffectReview c => c with { SideEffectId = Guid.NewGuid() },
                var c => ((CorrectRegulatorNotification)c) with { SideEffectId = Guid.NewGuid() },
            })
            .ThenRefuses(RefusalCodes.SideEffectNotFound);

    private static Patients.IPatientCommand Correction(string fact) => fact switch
    {
        "resolution" => CorrectResolution(),
        "review" => CorrectReview(),
        _ => CorrectNotification(),
    };
}
