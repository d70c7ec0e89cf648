using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class ScheduleSessionTests
{
    private static BookingScenario Ready(params IDomainEvent[] extraPatientEvents) =>
        Given.Patient([.. ReadyForSession(), .. extraPatientEvents]).AndPractitioner(PractitionerRegistered());

    [Fact]
    public void Scheduling_books_the_session_for_the_patient_and_the_practitioner() =>
        Ready()
            .When(Schedule(At(3, 3, 10), minutes: 30))
            .ThenEmits(
                new SessionScheduled(PatientId, SessionId, PlanId, PractitionerId, At(3, 3, 10), At(3, 3, 10, 30), null),
                new PractitionerBooked(PractitionerId, SessionId, PatientId, At(3, 3, 10), At(3, 3, 10, 30)));

    [Theory]
    [InlineData(9)]
    [InlineData(46)]
    [InlineData(0)]
    public void A_session_lasts_10_to_45_minutes(int minutes) =>
        Ready().When(Schedule(minutes: minutes)).ThenRefuses(RefusalCodes.InvalidDuration);

    [Theory]
    [InlineData(10)]
    [InlineData(45)]
    public void The_duration_bounds_are_accepted(int minutes) =>
        Ready().When(Schedule(minutes: minutes)).ThenAccepts();

    [Fact]
    public void An_unregistered_patient_cannot_be_booked() =>
        Given.Patient().AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenRefuses(RefusalCodes.PatientNotFound);

    [Fact]
    public void A_session_id_is_used_once() =>
        Ready(Scheduled(SessionId, At(3, 3)))
            .When(Schedule(At(3, 20)))
            .ThenRefuses(RefusalCodes.DuplicateId);

    [Fact]
    public void The_plan_must_exist() =>
        Ready().When(Schedule() with { PlanId = Guid.NewGuid() }).ThenRefuses(RefusalCodes.PlanNotFound);

    [Fact]
    public void A_stopped_plan_takes_no_sessions() =>
        Ready(new TreatmentPlanStopped(PatientId, PlanId, At(3, 2), "Moved abroad", null))
            .When(Schedule())
            .ThenRefuses(RefusalCodes.TreatmentStopped);

    [Fact]
    public void A_serious_side_effect_awaiting_review_suspends_the_plan() =>
        Ready(Reported(Infection()))
            .When(Schedule(At(3, 12)))
            .ThenRefuses(RefusalCodes.PlanSuspended);

    [Fact]
    public void A_plan_with_every_session_performed_or_scheduled_is_complete()
    {
        Guid[] sessions = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        Given.Patient([
                .. ReadyForSession(FacePlan(plannedSessions: 3)),
                Scheduled(sessions[0], At(3, 3)), Performed(sessions[0], At(3, 3)),
                Scheduled(sessions[1], At(3, 10)), Performed(sessions[1], At(3, 10)),
                Scheduled(sessions[2], At(3, 17)),
            ])
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 24)))
            .ThenRefuses(RefusalCodes.PlanComplete);
    }

    [Fact]
    public void A_cancelled_session_frees_its_place_in_the_plan()
    {
        Guid[] sessions = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        Given.Patient([
                .. ReadyForSession(FacePlan(plannedSessions: 3)),
                Scheduled(sessions[0], At(3, 3)), Performed(sessions[0], At(3, 3)),
                Scheduled(sessions[1], At(3, 10)), Performed(sessions[1], At(3, 10)),
                Scheduled(sessions[2], At(3, 17)),
                new SessionCancelled(PatientId, sessions[2], At(3, 15), "Patient unwell"),
            ])
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 24)))
            .ThenAccepts();
    }

    [Fact]
    public void A_patient_never_screened_is_not_eligible() =>
        Given.Patient(Registered, FullConsent, TestApplied, TestRead(), PlanCreated())
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenRefuses(RefusalCodes.NotEligible);

    [Fact]
    public void A_patient_whose_latest_screening_is_ineligible_is_not_eligible() =>
        Ready(Screened(new ScreeningAssessment(ScreeningOutcome.Ineligible, [ScreeningReasons.Pregnant], null, On(9, 1)),
                Guid.NewGuid(), On(3, 2)))
            .When(Schedule())
            .ThenRefuses(RefusalCodes.NotEligible);

    [Fact]
    public void The_screening_must_still_be_valid_on_the_session_date()
    {
        Ready().When(Schedule(At(8, 28))).ThenAccepts();
        Ready().When(Schedule(At(8, 29))).ThenRefuses(RefusalCodes.ScreeningExpired);
    }

    [Fact]
    public void A_deferred_patient_is_booked_from_the_deferral_date_on()
    {
        var deferred = Screened(new ScreeningAssessment(ScreeningOutcome.Deferred, [ScreeningReasons.RecentNsaid], On(3, 6), On(8, 28)),
            Guid.NewGuid(), On(3, 2));

        Ready(deferred).When(Schedule(At(3, 5, 17))).ThenRefuses(RefusalCodes.Deferred);
        Ready(deferred).When(Schedule(At(3, 6, 9))).ThenAccepts();
    }

    [Theory]
    [InlineData(TreatmentArea.Face, ConsentScope.Face, true)]
    [InlineData(TreatmentArea.Neck, ConsentScope.Face, true)]
    [InlineData(TreatmentArea.Scalp, ConsentScope.Hair, true)]
    [InlineData(TreatmentArea.Thighs, ConsentScope.Body, true)]
    [InlineData(TreatmentArea.Abdomen, ConsentScope.Body, true)]
    [InlineData(TreatmentArea.Scalp, ConsentScope.Face, false)]
    [InlineData(TreatmentArea.Neck, ConsentScope.Body, false)]
    [InlineData(TreatmentArea.Hands, ConsentScope.Face, false)]
    public void Consent_must_cover_every_area_of_the_plan(TreatmentArea area, ConsentScope consented, bool accepted) =>
        Given.Patient(Registered, EligibleScreening, ConsentTo(consented), TestApplied, TestRead(),
                PlanCreated(FacePlan() with { Areas = [area] }))
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.ConsentMissing);

    [Fact]
    public void A_plan_over_two_scopes_needs_consent_to_both() =>
        Given.Patient(Registered, EligibleScreening, ConsentTo(ConsentScope.Face), TestApplied, TestRead(),
                PlanCreated(FacePlan() with { Areas = [TreatmentArea.Face, TreatmentArea.Scalp] }))
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenRefuses(RefusalCodes.ConsentMissing);

    [Fact]
    public void A_patient_without_an_allergy_test_is_not_booked() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, PlanCreated())
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenRefuses(RefusalCodes.AllergyTestMissing);

    [Fact]
    public void A_patient_with_an_unread_allergy_test_is_not_booked() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied, PlanCreated())
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenRefuses(RefusalCodes.AllergyTestPending);

    [Fact]
    public void A_later_unread_test_blocks_booking_too() =>
        Ready(new AllergyTestApplied(PatientId, Guid.NewGuid(), ["Collagenase"], At(3, 2)))
            .When(Schedule(At(3, 5)))
            .ThenRefuses(RefusalCodes.AllergyTestPending);

    [Fact]
    public void A_session_starts_at_least_24_hours_after_every_test_dose_even_one_whose_reaction_showed_early()
    {
        var reactedEarlyOn2March = Ready(
            new AllergyTestApplied(PatientId, SecondTestId, ["Collagenase"], At(3, 2, 10)),
            new AllergyTestRead(PatientId, SecondTestId, new AllergyReading(At(3, 2, 18), true, [], null)));

        reactedEarlyOn2March.When(Schedule(At(3, 3, 9, 59))).ThenRefuses(RefusalCodes.AllergyTestPending);
        reactedEarlyOn2March.When(Schedule(At(3, 3, 10))).ThenAccepts();
    }

    [Fact]
    public void A_patient_whose_test_reacted_to_everything_is_not_booked() =>
        Given.Patient([.. ScreenedAndConsented, TestApplied, TestRead(reaction: true), PlanCreated()])
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenRefuses(RefusalCodes.NoClearedSubstance);

    [Fact]
    public void A_patient_whose_clean_substances_are_all_declared_allergies_is_not_booked() =>
        Given.Patient([Registered, EligibleScreening with { Answers = HealthyAnswers with { Allergies = [.. TestedSubstances] } },
                FullConsent, TestApplied, TestRead(), PlanCreated()])
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenRefuses(RefusalCodes.NoClearedSubstance);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void A_patient_is_booked_while_a_clean_test_still_clears_a_substance_at_the_start(int minutesAfterExpiry, bool accepted) =>
        Ready()
            .When(Schedule(At(4, 1, 10, minutesAfterExpiry)) with { Policy = Policy with { AllergyTestValidityMonths = 1 } })
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.NoClearedSubstance);

    [Fact]
    public void A_reaction_does_not_block_booking_it_bars_the_substance() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied, TestRead(reaction: true, "Lidocaine"), PlanCreated())
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule())
            .ThenAccepts();

    [Theory]
    [InlineData(9)]
    [InlineData(4)]
    public void Sessions_of_a_plan_are_at_least_its_interval_apart(int day) =>
        Ready(Scheduled(SecondSessionId, At(3, 10)))
            .When(Schedule(At(3, day)))
            .ThenRefuses(RefusalCodes.IntervalTooShort);

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    public void Sessions_exactly_the_interval_apart_are_accepted(int day) =>
        Ready(Scheduled(SecondSessionId, At(3, 10)))
            .When(Schedule(At(3, day, 8)))
            .ThenAccepts();

    [Fact]
    public void A_performed_session_counts_for_the_interval() =>
        Ready(Scheduled(SecondSessionId, At(3, 3)), Performed(SecondSessionId, At(3, 3)))
            .When(Schedule(At(3, 9)))
            .ThenRefuses(RefusalCodes.IntervalTooShort);

    [Fact]
    public void Cancelled_and_missed_sessions_do_not_count_for_the_interval()
    {
        var missed = Guid.NewGuid();

        Ready(
                Scheduled(SecondSessionId, At(3, 3)), new SessionCancelled(PatientId, SecondSessionId, At(3, 2), "Patient unwell"),
                Scheduled(missed, At(3, 4)), new SessionMarkedNoShow(PatientId, missed, At(3, 4, 11)))
            .When(Schedule(At(3, 5)))
            .ThenAccepts();
    }

    [Fact]
    public void A_plan_interval_longer_than_the_policy_minimum_applies()
    {
        var biweekly = Given.Patient([.. ReadyForSession(FacePlan(intervalDays: 14)), Scheduled(SecondSessionId, At(3, 3))]);

        biweekly.AndPractitioner(PractitionerRegistered()).When(Schedule(At(3, 16))).ThenRefuses(RefusalCodes.IntervalTooShort);
        biweekly.AndPractitioner(PractitionerRegistered()).When(Schedule(At(3, 17))).ThenAccepts();
    }

    [Fact]
    public void A_policy_minimum_longer_than_the_plan_interval_applies() =>
        Ready(Scheduled(SecondSessionId, At(3, 3)))
            .When(Schedule(At(3, 12)) with { Policy = new ClinicPolicy(MinimumIntervalDays: 10) })
            .ThenRefuses(RefusalCodes.IntervalTooShort);

    [Fact]
    public void A_clinician_may_override_the_interval_and_the_override_is_recorded()
    {
        var intervalOverride = new IntervalOverride("Patient travels abroad next week", ClinicianId);

        Ready(Scheduled(SecondSessionId, At(3, 3)))
            .When(Schedule(At(3, 6)) with { IntervalOverride = intervalOverride })
            .ThenEmits(
                new SessionScheduled(PatientId, SessionId, PlanId, PractitionerId, At(3, 6), At(3, 6, 10, 30),
                    new IntervalOverride("Patient travels abroad next week", ClinicianId)),
                new PractitionerBooked(PractitionerId, SessionId, PatientId, At(3, 6), At(3, 6, 10, 30)));
    }

    [Fact]
    public void An_interval_override_needs_a_reason() =>
        Ready(Scheduled(SecondSessionId, At(3, 3)))
            .When(Schedule(At(3, 6)) with { IntervalOverride = new IntervalOverride(" ", ClinicianId) })
            .ThenRefuses(RefusalCodes.ReasonRequired);

    [Fact]
    public void An_interval_override_names_the_clinician() =>
        Ready(Scheduled(SecondSessionId, At(3, 3)))
            .When(Schedule(At(3, 6)) with { IntervalOverride = new IntervalOverride("Travels abroad", " ") })
            .ThenRefuses(RefusalCodes.InvalidOverride);

    [Fact]
    public void The_practitioner_must_be_registered() =>
        Given.Patient(ReadyForSession()).AndPractitioner()
            .When(Schedule())
            .ThenRefuses(RefusalCodes.PractitionerNotFound);

    [Fact]
    public void The_practitioner_stream_must_be_the_named_practitioners() =>
        Ready()
            .When(Schedule() with { PractitionerId = OtherPractitionerId })
            .ThenRefuses(RefusalCodes.PractitionerNotFound);

    [Fact]
    public void The_licence_must_be_current_on_the_session_date()
    {
        Given.Patient(ReadyForSession()).AndPractitioner(PractitionerRegistered(On(3, 3)))
            .When(Schedule(At(3, 3, 17)))
            .ThenAccepts();
        Given.Patient(ReadyForSession()).AndPractitioner(PractitionerRegistered(On(3, 2)))
            .When(Schedule(At(3, 3)))
            .ThenRefuses(RefusalCodes.LicenceExpired);
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(10, 15)]
    [InlineData(9, 45)]
    public void A_practitioner_cannot_be_in_two_sessions_at_once(int hour, int minute) =>
        Given.Patient(ReadyForSession())
            .AndPractitioner(PractitionerRegistered(), Booked(Guid.NewGuid(), At(3, 3, 10), minutes: 30))
            .When(Schedule(At(3, 3, hour, minute), minutes: 30))
            .ThenRefuses(RefusalCodes.PractitionerBusy);

    [Theory]
    [InlineData(10, 30)]
    [InlineData(9, 30)]
    public void Back_to_back_sessions_are_fine(int hour, int minute) =>
        Given.Patient(ReadyForSession())
            .AndPractitioner(PractitionerRegistered(), Booked(Guid.NewGuid(), At(3, 3, 10), minutes: 30))
            .When(Schedule(At(3, 3, hour, minute), minutes: 30))
            .ThenAccepts();

    [Fact]
    public void A_released_booking_frees_the_slot()
    {
        var released = Guid.NewGuid();

        Given.Patient(ReadyForSession())
            .AndPractitioner(PractitionerRegistered(), Booked(released, At(3, 3)), new PractitionerBookingReleased(PractitionerId, released))
            .When(Schedule(At(3, 3)))
            .ThenAccepts();
    }

    [Fact]
    public void The_practitioner_to_load_is_the_one_named_in_the_command() =>
        SessionBooking.PractitionerIdFor(Schedule() with { PractitionerId = OtherPractitionerId }, Given.Patient().State)
            .ShouldBe(OtherPractitionerId);

    [Theory]
    [InlineData(10, 6, false)]
    [InlineData(10, 5, true)]
    [InlineData(9, 0, true)]
    public void A_session_is_not_booked_to_start_before_now_beyond_clock_skew(int bookedAtHour, int bookedAtMinute, bool accepted) =>
        Ready().When(Schedule(At(3, 3, 10)) with { BookedAt = At(3, 3, bookedAtHour, bookedAtMinute) })
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.SessionInPast);

    [Fact]
    public void A_test_that_lapsed_unread_no_longer_blocks_booking()
    {
        var lapsingOn6March = Ready(new AllergyTestApplied(PatientId, Guid.NewGuid(), ["Collagenase"], At(3, 2)));

        lapsingOn6March.When(Schedule(At(3, 6, 10))).ThenRefuses(RefusalCodes.AllergyTestPending);
        lapsingOn6March.When(Schedule(At(3, 6, 10, 1))).ThenAccepts();
    }

    [Fact]
    public void A_patient_whose_only_test_lapsed_unread_needs_a_new_test() =>
        Given.Patient(Registered, EligibleScreening, FullConsent, TestApplied, PlanCreated())
            .AndPractitioner(PractitionerRegistered())
            .When(Schedule(At(3, 6)))
            .ThenRefuses(RefusalCodes.AllergyTestMissing);

    [Fact]
    public void The_lapse_of_an_unread_test_follows_the_clinics_reading_window() =>
        Ready(new AllergyTestApplied(PatientId, Guid.NewGuid(), ["Collagenase"], At(3, 2)))
            .When(Schedule(At(3, 7)) with { Policy = Policy with { AllergyReadingWindowDays = 7 } })
            .ThenRefuses(RefusalCodes.AllergyTestPending);
}
