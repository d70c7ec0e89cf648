using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>
/// The diagnosis is made after a physical examination and a blood and urine test (seed 002): the screening records
/// when they were done, and treatment needs both.
/// </summary>
public class ScreeningCompletenessTests
{
    private static ScreenPatient Screen(ScreeningAnswers answers, ClinicPolicy? policy = null) =>
        new(PatientId, ScreeningId, On(3, 1), answers, policy ?? Policy, Now);

    public static TheoryData<ScreeningAnswers> Incomplete => new()
    {
        HealthyAnswers with { PhysicalExaminationOn = null },
        HealthyAnswers with { BloodUrineTestOn = null },
        HealthyAnswers with { PhysicalExaminationOn = null, BloodUrineTestOn = null },
    };

    private static PatientScreened ScreenedWith(ScreeningAnswers answers) => EligibleScreening with { Answers = answers };

    [Fact]
    public void The_screening_records_when_the_examination_and_the_blood_and_urine_test_were_done() =>
        Given.Patient(Registered)
            .When(Screen(HealthyAnswers))
            .ThenEmitsSingle<PatientScreened>().Answers.ShouldSatisfyAllConditions(
                answers => answers.PhysicalExaminationOn.ShouldBe(On(3, 1)),
                answers => answers.BloodUrineTestOn.ShouldBe(On(2, 27)));

    [Theory]
    [MemberData(nameof(Incomplete))]
    public void A_screening_is_recorded_before_the_tests_are_done(ScreeningAnswers answers) =>
        Given.Patient(Registered).When(Screen(answers with { Pregnant = true }))
            .ThenEmitsSingle<PatientScreened>().Assessment.Outcome.ShouldBe(ScreeningOutcome.Ineligible);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(180, true)]
    [InlineData(181, false)]
    public void An_examination_or_test_comes_on_or_before_the_screening_and_at_most_a_validity_before(int daysBefore, bool accepted)
    {
        var doneOn = On(3, 1).AddDays(-daysBefore);

        Given.Patient(Registered).When(Screen(HealthyAnswers with { PhysicalExaminationOn = doneOn }))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.InvalidScreening);
        Given.Patient(Registered).When(Screen(HealthyAnswers with { BloodUrineTestOn = doneOn }))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.InvalidScreening);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void How_old_a_test_may_be_follows_the_screening_validity_policy(int daysBefore, bool accepted) =>
        Given.Patient(Registered)
            .When(Screen(HealthyAnswers with { BloodUrineTestOn = On(3, 1).AddDays(-daysBefore) }, new ClinicPolicy(ScreeningValidityDays: 30)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.InvalidScreening);

    [Theory]
    [MemberData(nameof(Incomplete))]
    public void No_session_is_booked_on_an_incomplete_screening(ScreeningAnswers answers) =>
        Given.Patient(Registered, ScreenedWith(answers), FullConsent, TestApplied, TestRead(), PlanCreated())
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenRefuses(RefusalCodes.ScreeningIncomplete);

    [Fact]
    public void An_incomplete_screening_gives_no_plan() =>
        Given.Patient(Registered, ScreenedWith(HealthyAnswers with { BloodUrineTestOn = null }))
            .When(new CreateTreatmentPlan(PatientId, PlanId, On(3, 1), FacePlan(), Policy))
            .ThenRefuses(RefusalCodes.ScreeningIncomplete);

    [Fact]
    public void An_incomplete_screening_gives_no_allergy_test_dose() =>
        Given.Patient(Registered, ScreenedWith(HealthyAnswers with { PhysicalExaminationOn = null }), FullConsent)
            .When(new RecordAllergyTest(PatientId, TestId, ["Lidocaine"], At(3, 1), Now))
            .ThenRefuses(RefusalCodes.ScreeningIncomplete);

    [Fact]
    public void A_screening_corrected_to_no_blood_and_urine_test_bars_a_booked_session_from_being_performed() =>
        Given.Patient([
                .. ReadyForSession(), Scheduled(SessionId, At(3, 3)),
                new ScreeningCorrected(PatientId, CorrectedEventId, "Results never came back", ScreeningId, On(3, 1),
                    HealthyAnswers with { BloodUrineTestOn = null }, EligibleScreening.Assessment),
            ])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(new RecordSessionPerformed(PatientId, SessionId, At(3, 3, 10, 5), Treatment(), Policy, RecordedAt: At(3, 3, 10, 35), ByPractitioner))
            .ThenRefuses(RefusalCodes.ScreeningIncomplete);

    [Fact]
    public void Correcting_a_screening_with_the_dates_of_the_tests_makes_it_complete()
    {
        var correction = new CorrectScreening(PatientId, CorrectedEventId, "The lab results were left off", ScreeningId, On(3, 1),
            HealthyAnswers, Policy, Now);
        var corrected = Given.Patient(Registered, ScreenedWith(HealthyAnswers with { BloodUrineTestOn = null }))
            .When(correction).ThenEmitsSingle<ScreeningCorrected>();

        corrected.Answers.BloodUrineTestOn.ShouldBe(On(2, 27));
        Given.Patient(Registered, ScreenedWith(HealthyAnswers with { BloodUrineTestOn = null }), corrected)
            .When(new CreateTreatmentPlan(PatientId, PlanId, On(3, 1), FacePlan(), Policy))
            .ThenAccepts();
    }

    [Fact]
    public void A_corrected_screening_follows_the_test_date_rules() =>
        Given.Patient(Registered, EligibleScreening)
            .When(new CorrectScreening(PatientId, CorrectedEventId, "Typo", ScreeningId, On(3, 1),
                HealthyAnswers with { BloodUrineTestOn = On(3, 2) }, Policy, Now))
            .ThenRefuses(RefusalCodes.InvalidScreening);
}
