using Clinic.Domain.Common;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class SideEffectReviewTests
{
    private static readonly Guid OtherSideEffectId = Guid.NewGuid();

    private static PatientScenario AfterInfection(params IDomainEvent[] extra) =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3)), Reported(Infection(SessionId)), .. extra]);

    private static ReviewSideEffect Review(ReviewDecision decision, Guid? sideEffectId = null, string notes = "Cultures negative; safe to go on.") =>
        new(PatientId, sideEffectId ?? SideEffectId, decision, notes, ClinicianId, At(3, 12, 15));

    private static SideEffectReviewed Reviewed(ReviewDecision decision, Guid? sideEffectId = null) =>
        new(PatientId, sideEffectId ?? SideEffectId, decision, "Reviewed", ClinicianId, At(3, 12, 15));

    [Fact]
    public void Resuming_records_the_review_alone() =>
        AfterInfection()
            .When(Review(ReviewDecision.Resume))
            .ThenEmits(new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.Resume, "Cultures negative; safe to go on.",
                ClinicianId, At(3, 12, 15)));

    [Fact]
    public void Resuming_lifts_the_suspension()
    {
        AfterInfection(Reviewed(ReviewDecision.Resume)).State.IsTreatmentSuspended.ShouldBeFalse();
        AfterInfection(Reviewed(ReviewDecision.Resume))
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 13), sessionId: SecondSessionId))
            .ThenAccepts();
    }

    [Fact]
    public void Reported_in_error_is_recorded_as_a_review_and_lifts_the_suspension()
    {
        AfterInfection()
            .When(Review(ReviewDecision.ReportedInError, notes: "Reported for the wrong patient."))
            .ThenEmits(new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.ReportedInError, "Reported for the wrong patient.",
                ClinicianId, At(3, 12, 15)));
        AfterInfection(Reviewed(ReviewDecision.ReportedInError)).AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 13), sessionId: SecondSessionId))
            .ThenAccepts();
    }

    [Fact]
    public void Reported_in_error_leaves_the_plan_active() =>
        AfterInfection(Reviewed(ReviewDecision.ReportedInError)).State.ActivePlan.ShouldNotBeNull();

    [Fact]
    public void The_plan_stays_suspended_while_another_serious_side_effect_awaits_review() =>
        AfterInfection(Reported(Infection(SessionId), OtherSideEffectId), Reviewed(ReviewDecision.Resume))
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 13), sessionId: SecondSessionId))
            .ThenRefuses(RefusalCodes.PlanSuspended);

    [Fact]
    public void Stopping_treatment_stops_the_active_plan() =>
        AfterInfection()
            .When(Review(ReviewDecision.StopTreatment, notes: "Atypical mycobacteria; no further sessions."))
            .ThenEmits(
                new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.StopTreatment, "Atypical mycobacteria; no further sessions.",
                    ClinicianId, At(3, 12, 15)),
                new TreatmentPlanStopped(PatientId, PlanId, At(3, 12, 15), "Atypical mycobacteria; no further sessions.", SideEffectId));

    [Fact]
    public void A_plan_stopped_by_review_takes_no_sessions() =>
        AfterInfection(Reviewed(ReviewDecision.StopTreatment),
                new TreatmentPlanStopped(PatientId, PlanId, At(3, 12, 15), "Reviewed", SideEffectId))
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 13), sessionId: SecondSessionId))
            .ThenRefuses(RefusalCodes.TreatmentStopped);

    [Fact]
    public void Only_serious_or_severe_side_effects_are_reviewed() =>
        AfterInfection(Reported(Bruising(), OtherSideEffectId))
            .When(Review(ReviewDecision.Resume, OtherSideEffectId))
            .ThenRefuses(RefusalCodes.ReviewNotRequired);

    [Fact]
    public void A_side_effect_is_reviewed_once() =>
        AfterInfection(Reviewed(ReviewDecision.Resume))
            .When(Review(ReviewDecision.StopTreatment))
            .ThenRefuses(RefusalCodes.SideEffectAlreadyReviewed);

    [Fact]
    public void A_review_has_notes() =>
        AfterInfection().When(Review(ReviewDecision.Resume, notes: "")).ThenRefuses(RefusalCodes.InvalidReview);

    [Fact]
    public void A_review_names_the_clinician() =>
        AfterInfection().When(Review(ReviewDecision.Resume) with { ReviewedBy = " " }).ThenRefuses(RefusalCodes.InvalidReview);

    [Fact]
    public void Reviewing_an_unknown_side_effect_is_refused() =>
        AfterInfection().When(Review(ReviewDecision.Resume, Guid.NewGuid())).ThenRefuses(RefusalCodes.SideEffectNotFound);
}
