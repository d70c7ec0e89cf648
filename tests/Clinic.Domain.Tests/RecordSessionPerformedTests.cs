using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class RecordSessionPerformedTests
{
    private static BookingScenario Booked3March(params IDomainEvent[] extraPatientEvents) =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), .. extraPatientEvents])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)));

    /// <summary>Performed at 10:05 on the booked 3 March unless told otherwise, and recorded half an hour after.</summary>
    private static RecordSessionPerformed Perform(PerformedTreatment? treatment = null, DateTimeOffset? performedAt = null) =>
        new(PatientId, SessionId, performedAt ?? At(3, 3, 10, 5), treatment ?? Treatment(), Policy,
            RecordedAt: (performedAt ?? At(3, 3, 10, 5)).AddMinutes(30), ByPractitioner);

    [Fact]
    public void The_performed_record_keeps_products_lots_volumes_delivery_depth_anesthetic_time_and_aftercare_list()
    {
        var treatment = new PerformedTreatment(
            [new ProductUsed("NCTF 135", "LOT-2025-031", 3m, ["Hyaluronic acid", "Vitamin C"])],
            DepthMm: 1.5m, Technique.Nappage, [TreatmentArea.Face, TreatmentArea.Neck],
            AnestheticCream: true, DurationMinutes: 35, Notes: "Well tolerated.", new Delivery(InjectionMethod.Needle, InjectionDevice.Gun),
            AnestheticAppliedAt: At(3, 3, 9, 30), Aftercare: [AftercareInstruction.NoWater, AftercareInstruction.ColdCompresses],
            NoRecentAntiInflammatoriesConfirmed: true);

        Booked3March()
            .When(Perform(treatment))
            .ThenEmits(new SessionPerformed(PatientId, SessionId, PlanId, PractitionerId, At(3, 3, 10, 5), treatment), null);
    }

    [Fact]
    public void A_performed_session_counts_towards_the_plan()
    {
        var state = Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3, 10, 5))]).State;

        state.ProgressOf(state.FindPlan(PlanId)!, Policy).ShouldSatisfyAllConditions(
            progress => progress.SessionsPerformed.ShouldBe(1),
            progress => progress.SessionsScheduled.ShouldBe(0),
            progress => progress.NextAllowedDate.ShouldBe(On(3, 10)));
    }

    [Fact]
    public void A_session_is_performed_once() =>
        Booked3March(Performed(SessionId, At(3, 3))).When(Perform()).ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void A_cancelled_session_is_not_performed() =>
        Booked3March(new SessionCancelled(PatientId, SessionId, At(3, 2), "Patient unwell"))
            .When(Perform())
            .ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void A_missed_session_is_not_performed() =>
        Booked3March(new SessionMarkedNoShow(PatientId, SessionId, At(3, 3, 10, 30)))
            .When(Perform())
            .ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void An_unknown_session_is_not_performed() =>
        Booked3March().When(Perform() with { SessionId = Guid.NewGuid() }).ThenRefuses(RefusalCodes.SessionNotFound);

    [Theory]
    [InlineData("0.9")]
    [InlineData("4.1")]
    [InlineData("0")]
    public void The_injection_depth_is_1_to_4_mm(string depth) =>
        Booked3March()
            .When(Perform(Treatment() with { DepthMm = decimal.Parse(depth) }))
            .ThenRefuses(RefusalCodes.DepthOutOfRange);

    [Theory]
    [InlineData("1")]
    [InlineData("4")]
    public void The_depth_bounds_are_accepted(string depth) =>
        Booked3March().When(Perform(Treatment() with { DepthMm = decimal.Parse(depth) })).ThenAccepts();

    [Fact]
    public void Every_product_has_a_lot_number() =>
        Booked3March()
            .When(Perform(Treatment(Product(), Product(name: "Dermaheal HL", lot: " "))))
            .ThenRefuses(RefusalCodes.MissingLotNumber);

    [Theory]
    [InlineData("0")]
    [InlineData("-1.5")]
    public void Every_product_has_a_positive_volume(string volume) =>
        Booked3March()
            .When(Perform(Treatment(Product(volumeMl: decimal.Parse(volume)))))
            .ThenRefuses(RefusalCodes.InvalidVolume);

    [Fact]
    public void At_least_one_product_is_recorded() =>
        Booked3March().When(Perform(Treatment() with { Products = [] })).ThenRefuses(RefusalCodes.InvalidProduct);

    [Fact]
    public void Every_product_has_a_name() =>
        Booked3March().When(Perform(Treatment(Product(name: "")))).ThenRefuses(RefusalCodes.InvalidProduct);

    [Fact]
    public void At_least_one_treated_area_is_recorded() =>
        Booked3March().When(Perform(Treatment() with { Areas = [] })).ThenRefuses(RefusalCodes.InvalidTreatment);

    [Fact]
    public void The_recorded_duration_is_10_to_45_minutes() =>
        Booked3March().When(Perform(Treatment() with { DurationMinutes = 50 })).ThenRefuses(RefusalCodes.InvalidDuration);

    [Fact]
    public void A_substance_that_reacted_may_not_be_used_whatever_its_case() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied, TestRead(reaction: true, "Lidocaine"), PlanCreated(),
                Scheduled(SessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment(Product(), Product(name: "Numbing mix", substances: [" lidocaine"]))))
            .ThenRefuses(RefusalCodes.AllergyReaction);

    [Fact]
    public void A_reaction_with_no_listed_substance_bars_every_tested_substance() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead(reaction: true), .. SecondTest(At(3, 1), false, "Biotin"),
                PlanCreated(), Scheduled(SessionId, At(3, 3))])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment(Product(substances: ["VITAMIN C"]))))
            .ThenRefuses(RefusalCodes.AllergyReaction);

    [Fact]
    public void Substances_that_did_not_react_may_be_used() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied, TestRead(reaction: true, "Lidocaine"), PlanCreated(),
                Scheduled(SessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment(Product(substances: ["Hyaluronic acid", "Vitamin C"]))))
            .ThenAccepts();

    [Fact]
    public void The_licence_must_be_current_when_the_session_is_performed() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))])
            .AndPractitioner(PractitionerRegistered(On(3, 2)), Booked(SessionId, At(3, 3)))
            .When(Perform())
            .ThenRefuses(RefusalCodes.LicenceExpired);

    [Fact]
    public void Consent_must_cover_the_areas_treated() =>
        Given.Patient(Registered, EligibleScreening, ConsentTo(ConsentScope.Face), TestApplied, TestRead(), PlanCreated(),
                Scheduled(SessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment() with { Areas = [TreatmentArea.Face, TreatmentArea.Thighs], Deviation = ClinicianDeviation }))
            .ThenRefuses(RefusalCodes.ConsentMissing);

    [Fact]
    public void A_session_is_not_performed_while_treatment_is_suspended() =>
        Booked3March(Reported(Infection()))
            .When(Perform())
            .ThenRefuses(RefusalCodes.PlanSuspended);

    [Fact]
    public void A_session_of_a_stopped_plan_is_not_performed() =>
        Booked3March(new TreatmentPlanStopped(PatientId, PlanId, At(3, 2), "Patient chose to stop", null))
            .When(Perform())
            .ThenRefuses(RefusalCodes.TreatmentStopped);

    [Fact]
    public void The_screening_must_be_valid_when_the_session_is_performed() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(8, 28, 23, 40))])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(8, 28, 23, 40)))
            .When(Perform(performedAt: At(8, 29, 0, 10)))
            .ThenRefuses(RefusalCodes.ScreeningExpired);

    [Theory]
    [InlineData(9, 59, false)]
    [InlineData(10, 0, true)]
    public void A_session_is_not_recorded_as_performed_later_than_now_beyond_clock_skew(int recordedAtHour, int recordedAtMinute, bool accepted) =>
        Booked3March().When(Perform() with { RecordedAt = At(3, 3, recordedAtHour, recordedAtMinute) })
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.PerformedInFuture);

    [Theory]
    [InlineData(2, 18, false)]
    [InlineData(3, 8, true)]
    [InlineData(4, 20, true)]
    [InlineData(5, 9, false)]
    public void A_session_is_performed_on_its_booked_date_or_the_day_after(int day, int hour, bool accepted) =>
        Booked3March().When(Perform(performedAt: At(3, day, hour)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.PerformedOutsideBooking);

    [Fact]
    public void A_screening_that_found_a_contraindication_before_the_session_bars_performing_it() =>
        Booked3March(Screened(new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.Pregnant], null, On(9, 1)),
                Guid.NewGuid(), On(3, 2)))
            .When(Perform())
            .ThenRefuses(RefusalCodes.NotEligible);

    [Fact]
    public void A_screening_dated_after_the_session_does_not_judge_it() =>
        Booked3March(Screened(new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.Pregnant], null, On(9, 1)),
                Guid.NewGuid(), On(3, 4)))
            .When(Perform() with { RecordedAt = At(3, 5, 9) })
            .ThenAccepts();

    [Fact]
    public void Consent_signed_after_the_session_does_not_cover_it() =>
        Given.Patient(Registered, EligibleScreening, FullConsent with { Terms = FullConsent.Terms with { SignedAt = At(3, 3, 11) } },
                TestApplied, TestRead(), PlanCreated(), Scheduled(SessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform())
            .ThenRefuses(RefusalCodes.ConsentMissing);

    [Fact]
    public void An_allergy_test_applied_after_booking_must_be_read_before_performing() =>
        Booked3March(new AllergyTestApplied(PatientId, Guid.NewGuid(), ["Collagenase"], At(3, 2, 9)))
            .When(Perform())
            .ThenRefuses(RefusalCodes.AllergyTestPending);

    [Fact]
    public void A_reading_taken_after_the_session_does_not_clear_it() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied,
                new AllergyTestRead(PatientId, TestId, new AllergyReading(At(3, 3, 12), false, [], null)), PlanCreated(),
                Scheduled(SessionId, At(3, 3)))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform())
            .ThenRefuses(RefusalCodes.AllergyTestPending);

    [Fact]
    public void A_session_is_performed_at_least_24_hours_after_the_test_dose()
    {
        var dosedAt10On2March = Booked3March(
            new AllergyTestApplied(PatientId, SecondTestId, ["Collagenase"], At(3, 2, 10)),
            new AllergyTestRead(PatientId, SecondTestId, new AllergyReading(At(3, 2, 18), true, [], null)));

        dosedAt10On2March.When(Perform(performedAt: At(3, 3, 9, 50))).ThenRefuses(RefusalCodes.AllergyTestPending);
        dosedAt10On2March.When(Perform(performedAt: At(3, 3, 10))).ThenAccepts();
    }

    [Fact]
    public void The_interval_is_measured_between_the_performed_dates()
    {
        var firstPerformedADayLate = Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 4)),
                Scheduled(SecondSessionId, At(3, 10))])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)), Booked(SecondSessionId, At(3, 10)));
        RecordSessionPerformed PerformSecondAt(DateTimeOffset performedAt) => Perform(performedAt: performedAt) with { SessionId = SecondSessionId };

        firstPerformedADayLate.When(PerformSecondAt(At(3, 10, 10, 5))).ThenRefuses(RefusalCodes.IntervalTooShort);
        firstPerformedADayLate.When(PerformSecondAt(At(3, 11, 10, 5))).ThenAccepts();
    }

    [Fact]
    public void A_clinicians_interval_override_of_the_booking_holds_when_it_is_performed() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 4)),
                Scheduled(SecondSessionId, At(3, 10)) with { IntervalOverride = new IntervalOverride("Travels on the 12th", ClinicianId) }])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)), Booked(SecondSessionId, At(3, 10)))
            .When(Perform(performedAt: At(3, 10, 10, 5)) with { SessionId = SecondSessionId })
            .ThenAccepts();

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Every_product_lists_the_substances_it_contains_each_named(string? blankSubstance) =>
        Booked3March()
            .When(Perform(Treatment(Product(), Product(name: "House cocktail") with
            {
                Substances = blankSubstance is null ? [] : ["Hyaluronic acid", blankSubstance],
            })))
            .ThenRefuses(RefusalCodes.MissingSubstances);
}
