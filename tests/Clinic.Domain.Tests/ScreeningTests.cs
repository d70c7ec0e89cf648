using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class ScreeningTests
{
    private static ScreenPatient Screen(ScreeningAnswers answers, DateOnly? screenedOn = null, ClinicPolicy? policy = null) =>
        new(PatientId, ScreeningId, screenedOn ?? On(3, 1), answers, policy ?? Policy, Now);

    private static PatientRegistered BornOn(DateOnly dateOfBirth) =>
        Registered with { Details = MariaDetails with { DateOfBirth = dateOfBirth } };

    [Fact]
    public void A_healthy_adult_is_eligible_for_the_policy_validity()
    {
        var answers = HealthyAnswers with { Allergies = ["Penicillin"], Notes = "Wants fewer fine lines." };

        Given.Patient(Registered)
            .When(Screen(answers))
            .ThenEmits(new PatientScreened(PatientId, ScreeningId, On(3, 1), answers,
                new ScreeningAssessment(ScreeningOutcome.Eligible, [], null, new DateOnly(2025, 8, 28))));
    }

    [Fact]
    public void The_validity_follows_the_clinic_policy() =>
        Given.Patient(Registered)
            .When(Screen(HealthyAnswers, policy: new ClinicPolicy(ScreeningValidityDays: 90)))
            .ThenEmitsSingle<PatientScreened>().Assessment.ValidUntil.ShouldBe(new DateOnly(2025, 5, 30));

    public static TheoryData<ScreeningAnswers, string> SingleContraindications => new()
    {
        { HealthyAnswers with { Pregnant = true }, ScreeningReasons.Pregnant },
        { HealthyAnswers with { Breastfeeding = true }, ScreeningReasons.Breastfeeding },
        { HealthyAnswers with { InsulinDependentDiabetes = true }, ScreeningReasons.InsulinDependentDiabetes },
        { HealthyAnswers with { CancerOnMultiDrugTherapy = true }, ScreeningReasons.CancerMultiDrugTherapy },
        { HealthyAnswers with { HeartDiseaseOnMultiDrugTherapy = true }, ScreeningReasons.HeartDiseaseMultiDrugTherapy },
        { HealthyAnswers with { StrokeHistory = true }, ScreeningReasons.StrokeHistory },
        { HealthyAnswers with { LiverDisorder = true }, ScreeningReasons.LiverDisorder },
        { HealthyAnswers with { KidneyDisorder = true }, ScreeningReasons.KidneyDisorder },
    };

    [Theory]
    [MemberData(nameof(SingleContraindications))]
    public void Each_contraindication_makes_the_patient_ineligible(ScreeningAnswers answers, string reason)
    {
        var assessment = Given.Patient(Registered).When(Screen(answers)).ThenEmitsSingle<PatientScreened>().Assessment;

        assessment.Outcome.ShouldBe(ScreeningOutcome.Ineligible);
        assessment.Reasons.ShouldBe([reason]);
        assessment.DeferredUntil.ShouldBeNull();
    }

    [Fact]
    public void Every_reason_that_applies_is_recorded()
    {
        var answers = HealthyAnswers with { Pregnant = true, LiverDisorder = true, KidneyDisorder = true };

        Given.Patient(BornOn(new DateOnly(2008, 1, 1)))
            .When(Screen(answers))
            .ThenEmitsSingle<PatientScreened>().Assessment.Reasons.ShouldBe(
                ["under-18", "pregnant", "liver-disorder", "kidney-disorder"]);
    }

    [Fact]
    public void A_patient_under_18_on_the_screening_date_is_ineligible() =>
        Given.Patient(BornOn(new DateOnly(2007, 3, 2)))
            .When(Screen(HealthyAnswers))
            .ThenEmitsSingle<PatientScreened>().Assessment.Reasons.ShouldBe([ScreeningReasons.Under18]);

    [Fact]
    public void A_patient_is_adult_on_the_18th_birthday() =>
        Given.Patient(BornOn(new DateOnly(2007, 3, 1)))
            .When(Screen(HealthyAnswers))
            .ThenEmitsSingle<PatientScreened>().Assessment.Outcome.ShouldBe(ScreeningOutcome.Eligible);

    [Fact]
    public void An_NSAID_within_7_days_defers_treatment_until_the_last_dose_plus_7_days() =>
        Given.Patient(Registered)
            .When(Screen(HealthyAnswers with { LastNsaidDoseOn = On(2, 27) }))
            .ThenEmitsSingle<PatientScreened>().Assessment.ShouldSatisfyAllConditions(
                assessment => assessment.Outcome.ShouldBe(ScreeningOutcome.Deferred),
                assessment => assessment.Reasons.ShouldBe([ScreeningReasons.RecentNsaid]),
                assessment => assessment.DeferredUntil.ShouldBe(On(3, 6)));

    [Fact]
    public void An_NSAID_taken_on_the_screening_day_defers_a_full_week() =>
        Given.Patient(Registered)
            .When(Screen(HealthyAnswers with { LastNsaidDoseOn = On(3, 1) }))
            .ThenEmitsSingle<PatientScreened>().Assessment.DeferredUntil.ShouldBe(On(3, 8));

    [Fact]
    public void An_NSAID_taken_7_days_before_screening_does_not_defer() =>
        Given.Patient(Registered)
            .When(Screen(HealthyAnswers with { LastNsaidDoseOn = On(2, 22) }))
            .ThenEmitsSingle<PatientScreened>().Assessment.Outcome.ShouldBe(ScreeningOutcome.Eligible);

    [Fact]
    public void An_ineligible_patient_with_a_recent_NSAID_stays_ineligible_and_lists_it() =>
        Given.Patient(Registered)
            .When(Screen(HealthyAnswers with { StrokeHistory = true, LastNsaidDoseOn = On(2, 28) }))
            .ThenEmitsSingle<PatientScreened>().Assessment
            .ShouldBe(new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.StrokeHistory, ScreeningReasons.RecentNsaid],
                null, new DateOnly(2025, 8, 28)), new AssessmentComparer());

    [Fact]
    public void A_last_NSAID_dose_after_the_screening_date_is_refused() =>
        Given.Patient(Registered)
            .When(Screen(HealthyAnswers with { LastNsaidDoseOn = On(3, 2) }))
            .ThenRefuses(RefusalCodes.InvalidScreening);

    [Fact]
    public void A_blank_declared_allergy_is_refused() =>
        Given.Patient(Registered)
            .When(Screen(HealthyAnswers with { Allergies = ["Penicillin", " "] }))
            .ThenRefuses(RefusalCodes.InvalidScreening);

    [Fact]
    public void A_screening_id_is_used_once() =>
        Given.Patient(Registered, EligibleScreening)
            .When(Screen(HealthyAnswers))
            .ThenRefuses(RefusalCodes.DuplicateId);

    [Fact]
    public void The_current_screening_is_the_latest_by_date_not_by_recording_order()
    {
        var later = Screened(new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.Pregnant], null, On(9, 1)),
            Guid.NewGuid(), On(3, 5));
        var backdated = Screened(new ScreeningAssessment(ScreeningOutcome.Eligible, [], null, On(8, 20)), Guid.NewGuid(), On(2, 21));

        Given.Patient(Registered, later, backdated).State.CurrentScreening!.ScreeningId.ShouldBe(later.ScreeningId);
    }

    private sealed class AssessmentComparer : IEqualityComparer<ScreeningAssessment>
    {
        public bool Equals(ScreeningAssessment? x, ScreeningAssessment? y) => x is not null && y is not null && x.HasSameVerdictAs(y);

        public int GetHashCode(ScreeningAssessment obj) => obj.Outcome.GetHashCode();
    }
}
