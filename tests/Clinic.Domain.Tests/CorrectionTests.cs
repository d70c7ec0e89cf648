using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Corrections;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class CorrectionTests
{
    private const string Reason = "Typed from the wrong form";

    private static IDomainEvent[] AfterFirstSession(params IDomainEvent[] extra) =>
        [.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3)), .. extra];

    [Fact]
    public void Correcting_patient_details_replaces_them()
    {
        var corrected = MariaDetails with { LastName = "Costa Pereira", Phone = null };
        var correction = new PatientDetailsCorrected(PatientId, CorrectedEventId, Reason, corrected);

        Given.Patient(Registered, EligibleScreening)
            .When(new CorrectPatientDetails(PatientId, CorrectedEventId, Reason, corrected, Now))
            .ThenEmits(correction);
        Given.Patient(Registered, correction).State.Details.ShouldBe(corrected);
    }

    /// <summary>A record holding every fact a patient correction can name.</summary>
    private static IDomainEvent[] EveryFact() =>
    [
        .. AfterFirstSession(), Reported(Infection(SessionId)),
        new SideEffectResolved(PatientId, SideEffectId, At(3, 20), SideEffectOutcome.Recovered, null),
        new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.Resume, "Cleared", "clinician-1", At(3, 12)),
        new RegulatorNotified(PatientId, SideEffectId, At(3, 15), null),
        Scheduled(SecondSessionId, At(3, 10)), new SessionMarkedNoShow(PatientId, SecondSessionId, At(3, 10, 11)),
    ];

    private static IPatientCommand[] EveryCorrection(Guid correctedEventId, string reason) =>
    [
        new CorrectPatientDetails(PatientId, correctedEventId, reason, MariaDetails, Now),
        new CorrectScreening(PatientId, correctedEventId, reason, ScreeningId, On(3, 1), HealthyAnswers, Policy, Now),
        new CorrectConsent(PatientId, correctedEventId, reason, ConsentId, FullConsent.Terms, Now),
        new CorrectAllergyTestApplication(PatientId, correctedEventId, reason, TestId, TestedSubstances, At(3, 1), Policy, Now),
        new CorrectAllergyTestReading(PatientId, correctedEventId, reason, TestId, TestRead().Reading, Policy, Now),
        new CorrectTreatmentPlan(PatientId, correctedEventId, reason, PlanId, FacePlan(), Policy),
        new CorrectSessionRecord(PatientId, correctedEventId, reason, SessionId, Treatment(), Policy, ByPractitioner, PractitionerUserId),
        new RetractNoShow(PatientId, correctedEventId, reason, SecondSessionId, Policy),
        new CorrectSideEffect(PatientId, correctedEventId, reason, SideEffectId, Infection(SessionId), ClinicianId: null, Policy, Now),
        new CorrectSideEffectResolution(PatientId, correctedEventId, reason, SideEffectId, At(3, 21), SideEffectOutcome.Recovered, null, Now),
        new CorrectSideEffectReview(PatientId, correctedEventId, reason, SideEffectId, ReviewDecision.Resume, "Cleared by consult"),
        new CorrectRegulatorNotification(PatientId, correctedEventId, reason, SideEffectId, At(3, 14), "REF-1", Now),
    ];

    public static TheoryData<int> Corrections => new(Enumerable.Range(0, EveryCorrection(CorrectedEventId, Reason).Length));

    [Theory]
    [MemberData(nameof(Corrections))]
    public void Every_correction_of_a_fact_on_record_is_accepted(int correction) =>
        Given.Patient(EveryFact()).When(EveryCorrection(CorrectedEventId, Reason)[correction])
            .ThenAccepts();

    [Theory]
    [MemberData(nameof(Corrections))]
    public void Every_correction_needs_a_reason(int correction) =>
        Given.Patient(EveryFact()).When(EveryCorrection(CorrectedEventId, "  ")[correction])
            .ThenRefuses(RefusalCodes.ReasonRequired);

    [Theory]
    [MemberData(nameof(Corrections))]
    public void Every_correction_names_the_event_it_corrects(int correction) =>
        Given.Patient(EveryFact()).When(EveryCorrection(Guid.Empty, Reason)[correction])
            .ThenRefuses(RefusalCodes.EventNotFound);

    [Fact]
    public void Corrected_patient_details_follow_the_registration_rules() =>
        Given.Patient(Registered)
            .When(new CorrectPatientDetails(PatientId, CorrectedEventId, Reason, MariaDetails with { FirstName = "" }, Now))
            .ThenRefuses(RefusalCodes.InvalidPatient);

    [Fact]
    public void A_corrected_date_of_birth_reassesses_the_screenings_it_changes()
    {
        var minor = MariaDetails with { DateOfBirth = new DateOnly(2008, 6, 1) };

        Given.Patient(Registered, EligibleScreening)
            .When(new CorrectPatientDetails(PatientId, CorrectedEventId, "Year of birth mistyped", minor, Now))
            .ThenEmits(
                new PatientDetailsCorrected(PatientId, CorrectedEventId, "Year of birth mistyped", minor),
                new ScreeningReassessed(PatientId, ScreeningId,
                    new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.Under18], null, On(8, 28))));
    }

    [Fact]
    public void A_reassessed_screening_governs_scheduling() =>
        Given.Patient([
                .. ReadyForSession(),
                new ScreeningReassessed(PatientId, ScreeningId,
                    new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.Under18], null, On(8, 28))),
            ])
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenRefuses(RefusalCodes.NotEligible);

    [Fact]
    public void A_correction_that_changes_no_outcome_reassesses_nothing() =>
        Given.Patient(Registered, EligibleScreening)
            .When(new CorrectPatientDetails(PatientId, CorrectedEventId, Reason, MariaDetails with { DateOfBirth = new DateOnly(1991, 5, 20) }, Now))
            .ThenEmitsSingle<PatientDetailsCorrected>();

    [Fact]
    public void Correcting_screening_answers_evaluates_the_outcome_again()
    {
        var answers = HealthyAnswers with { Breastfeeding = true };

        Given.Patient(Registered, EligibleScreening)
            .When(new CorrectScreening(PatientId, CorrectedEventId, Reason, ScreeningId, On(3, 1), answers, Policy, Now))
            .ThenEmits(new ScreeningCorrected(PatientId, CorrectedEventId, Reason, ScreeningId, On(3, 1), answers,
                new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.Breastfeeding], null, On(8, 28))));
    }

    [Fact]
    public void A_corrected_screening_replaces_the_original()
    {
        var state = Given.Patient(Registered, EligibleScreening,
            new ScreeningCorrected(PatientId, CorrectedEventId, Reason, ScreeningId, On(3, 2), HealthyAnswers,
                new ScreeningAssessment(ScreeningOutcome.Deferred, [ScreeningReasons.RecentNsaid], On(3, 5), On(8, 29)))).State;

        state.Screenings.ShouldHaveSingleItem();
        state.CurrentScreening!.Assessment.DeferredUntil.ShouldBe(On(3, 5));
    }

    [Fact]
    public void Correcting_an_unknown_screening_is_refused() =>
        Given.Patient(Registered)
            .When(new CorrectScreening(PatientId, CorrectedEventId, Reason, ScreeningId, On(3, 1), HealthyAnswers, Policy, Now))
            .ThenRefuses(RefusalCodes.ScreeningNotFound);

    [Fact]
    public void Corrected_screening_answers_follow_the_screening_rules() =>
        Given.Patient(Registered, EligibleScreening)
            .When(new CorrectScreening(PatientId, CorrectedEventId, Reason, ScreeningId, On(3, 1),
                HealthyAnswers with { LastNsaidDoseOn = On(3, 4) }, Policy, Now))
            .ThenRefuses(RefusalCodes.InvalidScreening);

    [Fact]
    public void Correcting_a_consent_replaces_its_terms()
    {
        var terms = new ConsentTerms([ConsentScope.Face], "consent-form-v4", At(3, 1, 9));

        Given.Patient(Registered, FullConsent)
            .When(new CorrectConsent(PatientId, CorrectedEventId, Reason, ConsentId, terms, Now))
            .ThenEmits(new ConsentCorrected(PatientId, CorrectedEventId, Reason, ConsentId, terms));
        Given.Patient(Registered, FullConsent, new ConsentCorrected(PatientId, CorrectedEventId, Reason, ConsentId, terms))
            .State.ConsentScopes.ShouldBe([ConsentScope.Face]);
    }

    [Fact]
    public void Correcting_an_unknown_consent_is_refused() =>
        Given.Patient(Registered)
            .When(new CorrectConsent(PatientId, CorrectedEventId, Reason, ConsentId, FullConsent.Terms, Now))
            .ThenRefuses(RefusalCodes.ConsentNotFound);

    [Fact]
    public void A_corrected_consent_follows_the_consent_rules() =>
        Given.Patient(Registered, FullConsent)
            .When(new CorrectConsent(PatientId, CorrectedEventId, Reason, ConsentId, FullConsent.Terms with { Scopes = [] }, Now))
            .ThenRefuses(RefusalCodes.InvalidConsent);

    [Fact]
    public void Correcting_an_allergy_reading_changes_the_substances_barred()
    {
        var reading = new AllergyReading(At(3, 2), true, ["Lidocaine"], "Wheal missed at first reading");

        Given.Patient(Registered, TestApplied, TestRead())
            .When(new CorrectAllergyTestReading(PatientId, CorrectedEventId, Reason, TestId, reading, Policy, Now))
            .ThenEmits(new AllergyTestReadingCorrected(PatientId, CorrectedEventId, Reason, TestId, reading));
        Given.Patient(Registered, TestApplied, TestRead(), new AllergyTestReadingCorrected(PatientId, CorrectedEventId, Reason, TestId, reading))
            .State.ReactedSubstances.ShouldBe(["Lidocaine"]);
    }

    [Fact]
    public void Correcting_the_reading_of_an_unknown_test_is_refused() =>
        Given.Patient(Registered)
            .When(new CorrectAllergyTestReading(PatientId, CorrectedEventId, Reason, TestId, TestRead().Reading, Policy, Now))
            .ThenRefuses(RefusalCodes.AllergyTestNotFound);

    [Fact]
    public void An_unread_test_has_no_reading_to_correct() =>
        Given.Patient(Registered, TestApplied)
            .When(new CorrectAllergyTestReading(PatientId, CorrectedEventId, Reason, TestId, TestRead().Reading, Policy, Now))
            .ThenRefuses(RefusalCodes.AllergyTestPending);

    [Fact]
    public void A_corrected_reading_follows_the_reading_rules() =>
        Given.Patient(Registered, TestApplied, TestRead())
            .When(new CorrectAllergyTestReading(PatientId, CorrectedEventId, Reason, TestId,
                new AllergyReading(At(3, 2), true, ["Collagenase"], null), Policy, Now))
            .ThenRefuses(RefusalCodes.InvalidAllergyReading);

    [Fact]
    public void A_corrected_reading_of_no_reaction_comes_within_the_reading_window_too() =>
        Given.Patient(Registered, TestApplied, TestRead())
            .When(new CorrectAllergyTestReading(PatientId, CorrectedEventId, Reason, TestId,
                new AllergyReading(At(3, 9), false, [], null), Policy, Now))
            .ThenRefuses(RefusalCodes.AllergyReadingTooLate);

    [Fact]
    public void Correcting_a_plan_replaces_its_protocol_without_counting_it_twice()
    {
        var details = FacePlan(plannedSessions: 8, intervalDays: 10);

        Given.Patient(AfterFirstSession())
            .When(new CorrectTreatmentPlan(PatientId, CorrectedEventId, Reason, PlanId, details, Policy))
            .ThenEmits(new TreatmentPlanCorrected(PatientId, CorrectedEventId, Reason, PlanId, details));

        var state = Given.Patient(AfterFirstSession(new TreatmentPlanCorrected(PatientId, CorrectedEventId, Reason, PlanId, details))).State;
        state.Plans.ShouldHaveSingleItem();
        state.ProgressOf(state.ActivePlan!, Policy).ShouldSatisfyAllConditions(
            progress => progress.PlannedSessions.ShouldBe(8),
            progress => progress.SessionsPerformed.ShouldBe(1),
            progress => progress.NextAllowedDate.ShouldBe(On(3, 13)));
    }

    [Fact]
    public void Correcting_an_unknown_plan_is_refused() =>
        Given.Patient(Registered)
            .When(new CorrectTreatmentPlan(PatientId, CorrectedEventId, Reason, PlanId, FacePlan(), Policy))
            .ThenRefuses(RefusalCodes.PlanNotFound);

    [Fact]
    public void A_corrected_plan_follows_the_plan_rules() =>
        Given.Patient(AfterFirstSession())
            .When(new CorrectTreatmentPlan(PatientId, CorrectedEventId, Reason, PlanId, FacePlan(intervalDays: 5), Policy))
            .ThenRefuses(RefusalCodes.InvalidPlan);

    [Fact]
    public void A_corrected_plan_keeps_at_least_the_sessions_already_performed()
    {
        Guid[] sessions = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        Given.Patient([
                .. ReadyForSession(),
                .. sessions.SelectMany((id, week) => new IDomainEvent[] { Scheduled(id, At(3, 3 + 7 * week)), Performed(id, At(3, 3 + 7 * week)) }),
            ])
            .When(new CorrectTreatmentPlan(PatientId, CorrectedEventId, Reason, PlanId,
                FacePlan(plannedSessions: 3) with { Deviation = new ProtocolDeviation("Stopping early", ClinicianId) }, Policy))
            .ThenRefuses(RefusalCodes.InvalidPlan);
    }

    [Fact]
    public void Correcting_a_session_record_replaces_products_and_lots_without_counting_it_twice()
    {
        var treatment = Treatment(Product(lot: "LOT-2025-013"));

        Given.Patient(AfterFirstSession())
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, "Lot digits swapped", SessionId, treatment, Policy, ByPractitioner, PractitionerUserId))
            .ThenEmits(new SessionRecordCorrected(PatientId, CorrectedEventId, "Lot digits swapped", SessionId, treatment));

        var state = Given.Patient(AfterFirstSession(
            new SessionRecordCorrected(PatientId, CorrectedEventId, "Lot digits swapped", SessionId, treatment))).State;
        state.FindSession(SessionId)!.Treatment!.Products.ShouldHaveSingleItem().LotNumber.ShouldBe("LOT-2025-013");
        state.ProgressOf(state.ActivePlan!, Policy).SessionsPerformed.ShouldBe(1);
    }

    [Fact]
    public void Correcting_an_unknown_session_is_refused() =>
        Given.Patient(AfterFirstSession())
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, Reason, Guid.NewGuid(), Treatment(), Policy, ByPractitioner, PractitionerUserId))
            .ThenRefuses(RefusalCodes.SessionNotFound);

    [Fact]
    public void A_session_not_performed_has_no_record_to_correct() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))])
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, Reason, SessionId, Treatment(), Policy, ByPractitioner, PractitionerUserId))
            .ThenRefuses(RefusalCodes.SessionNotPerformed);

    [Fact]
    public void A_corrected_session_record_still_needs_lot_numbers() =>
        Given.Patient(AfterFirstSession())
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, Reason, SessionId, Treatment(Product(lot: "")), Policy, ByPractitioner, PractitionerUserId))
            .ThenRefuses(RefusalCodes.MissingLotNumber);

    [Fact]
    public void A_corrected_session_record_still_lists_every_products_substances() =>
        Given.Patient(AfterFirstSession())
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, Reason, SessionId, Treatment(Product() with { Substances = [] }), Policy, ByPractitioner, PractitionerUserId))
            .ThenRefuses(RefusalCodes.MissingSubstances);

    [Fact]
    public void A_corrected_session_record_is_held_to_the_consent_signed_when_it_was_performed() =>
        Given.Patient(Registered, EligibleScreening, ConsentTo(ConsentScope.Face), TestApplied, TestRead(), PlanCreated(),
                Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3, 10, 5)),
                new ConsentRecorded(PatientId, Guid.NewGuid(), new ConsentTerms([ConsentScope.Body], "consent-form-v3", At(3, 4, 9))))
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, Reason, SessionId,
                Treatment() with { Areas = [TreatmentArea.Face, TreatmentArea.Thighs], Deviation = ClinicianDeviation }, Policy, ByPractitioner, PractitionerUserId))
            .ThenRefuses(RefusalCodes.ConsentMissing);

    [Fact]
    public void A_corrected_session_record_cannot_name_a_substance_that_reacted() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied, TestRead(reaction: true, "Lidocaine"), PlanCreated(),
                Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3)))
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, Reason, SessionId,
                Treatment(Product(substances: ["Hyaluronic acid", "Lidocaine"])), Policy, ByPractitioner, PractitionerUserId))
            .ThenRefuses(RefusalCodes.AllergyReaction);
}
