using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Corrections;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class RescheduleAndCancelTests
{
    private static BookingScenario Booked3March(
        IDomainEvent[]? extraPatientEvents = null, DateOnly? licenceExpiresOn = null, params IDomainEvent[] extraPractitionerEvents) =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), .. extraPatientEvents ?? []])
            .AndPractitioner([PractitionerRegistered(licenceExpiresOn), Booked(SessionId, At(3, 3)), .. extraPractitionerEvents]);

    private static RescheduleSession Reschedule(DateTimeOffset newStartsAt, string reason = "Patient asked for the afternoon") =>
        new(PatientId, SessionId, newStartsAt, reason, IntervalOverride: null, Policy, BookedAt);

    private static CancelSession Cancel(string reason = "Patient unwell") => new(PatientId, SessionId, At(3, 2, 16), reason);

    [Fact]
    public void Rescheduling_moves_the_session_and_the_booking_keeping_the_duration() =>
        Booked3March()
            .When(Reschedule(At(3, 4, 14)))
            .ThenEmits(
                new SessionRescheduled(PatientId, SessionId, At(3, 4, 14), At(3, 4, 14, 30), "Patient asked for the afternoon", null),
                new PractitionerBookingMoved(PractitionerId, SessionId, At(3, 4, 14), At(3, 4, 14, 30)));

    [Fact]
    public void Rescheduling_needs_a_reason() =>
        Booked3March().When(Reschedule(At(3, 4, 14), reason: "")).ThenRefuses(RefusalCodes.ReasonRequired);

    [Fact]
    public void Rescheduling_an_unknown_session_is_refused() =>
        Booked3March().When(Reschedule(At(3, 4)) with { SessionId = Guid.NewGuid() }).ThenRefuses(RefusalCodes.SessionNotFound);

    [Fact]
    public void A_cancelled_session_is_not_rescheduled() =>
        Booked3March([new SessionCancelled(PatientId, SessionId, At(3, 2), "Patient unwell")])
            .When(Reschedule(At(3, 4)))
            .ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void A_performed_session_is_not_rescheduled() =>
        Booked3March([Performed(SessionId, At(3, 3))])
            .When(Reschedule(At(3, 4)))
            .ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void Moving_into_another_booking_makes_the_practitioner_busy() =>
        Booked3March(extraPractitionerEvents: Booked(Guid.NewGuid(), At(3, 4, 14)))
            .When(Reschedule(At(3, 4, 14, 15)))
            .ThenRefuses(RefusalCodes.PractitionerBusy);

    [Fact]
    public void A_session_may_move_over_its_own_slot() =>
        Booked3March().When(Reschedule(At(3, 3, 10, 15))).ThenAccepts();

    [Fact]
    public void The_licence_is_checked_on_the_new_date() =>
        Booked3March(licenceExpiresOn: On(3, 3)).When(Reschedule(At(3, 4))).ThenRefuses(RefusalCodes.LicenceExpired);

    [Fact]
    public void The_screening_is_checked_on_the_new_date() =>
        Booked3March().When(Reschedule(At(8, 29))).ThenRefuses(RefusalCodes.ScreeningExpired);

    [Fact]
    public void The_allergy_test_timing_is_checked_on_the_new_start() =>
        Booked3March().When(Reschedule(At(3, 2, 9))).ThenRefuses(RefusalCodes.AllergyTestPending);

    [Fact]
    public void The_interval_is_checked_on_the_new_date()
    {
        var withSecondSession = Booked3March([Scheduled(SecondSessionId, At(3, 10))]);

        withSecondSession.When(Reschedule(At(3, 5))).ThenRefuses(RefusalCodes.IntervalTooShort);
        withSecondSession
            .When(Reschedule(At(3, 5)) with { IntervalOverride = new IntervalOverride("Wedding on the 12th", ClinicianId) })
            .ThenAccepts();
    }

    [Fact]
    public void The_interval_follows_the_policy_given_on_reschedule() =>
        Booked3March([Scheduled(SecondSessionId, At(3, 10))])
            .When(Reschedule(At(3, 3, 15)) with { Policy = new ClinicPolicy(MinimumIntervalDays: 8) })
            .ThenRefuses(RefusalCodes.IntervalTooShort);

    [Fact]
    public void Cancelling_releases_the_booking() =>
        Booked3March()
            .When(Cancel())
            .ThenEmits(
                new SessionCancelled(PatientId, SessionId, At(3, 2, 16), "Patient unwell"),
                new PractitionerBookingReleased(PractitionerId, SessionId));

    [Fact]
    public void Cancelling_needs_a_reason() =>
        Booked3March().When(Cancel(reason: " ")).ThenRefuses(RefusalCodes.ReasonRequired);

    [Fact]
    public void A_session_is_cancelled_once() =>
        Booked3March([new SessionCancelled(PatientId, SessionId, At(3, 2), "Patient unwell")])
            .When(Cancel())
            .ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void Cancelling_an_unknown_session_is_refused() =>
        Booked3March().When(Cancel() with { SessionId = Guid.NewGuid() }).ThenRefuses(RefusalCodes.SessionNotFound);

    [Fact]
    public void Cancelling_needs_the_booked_practitioners_calendar() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))])
            .AndPractitioner(PractitionerRegistered() with { PractitionerId = OtherPractitionerId })
            .When(Cancel())
            .ThenRefuses(RefusalCodes.PractitionerNotFound);

    [Fact]
    public void The_practitioner_to_load_for_an_existing_session_is_the_booked_one()
    {
        var patient = Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))]).State;

        SessionBooking.PractitionerIdFor(Cancel(), patient).ShouldBe(PractitionerId);
        SessionBooking.PractitionerIdFor(Cancel() with { SessionId = Guid.NewGuid() }, patient).ShouldBeNull();
    }

    [Fact]
    public void A_session_is_not_moved_to_a_start_before_now() =>
        Booked3March().When(Reschedule(At(3, 4)) with { RescheduledAt = At(3, 4, 12) }).ThenRefuses(RefusalCodes.SessionInPast);

    [Fact]
    public void A_session_is_not_moved_while_treatment_is_suspended() =>
        Booked3March([Reported(Infection())]).When(Reschedule(At(3, 4))).ThenRefuses(RefusalCodes.PlanSuspended);

    [Fact]
    public void A_session_of_a_stopped_plan_is_not_moved() =>
        Booked3March([new TreatmentPlanStopped(PatientId, PlanId, At(3, 2), "Patient chose to stop", null)])
            .When(Reschedule(At(3, 4)))
            .ThenRefuses(RefusalCodes.TreatmentStopped);

    [Fact]
    public void A_move_rechecks_that_consent_covers_the_plan() =>
        Given.Patient(Registered, EligibleScreening, ConsentTo(ConsentScope.Face), TestApplied, TestRead(), PlanCreated(),
                Scheduled(SessionId, At(3, 3)),
                new TreatmentPlanCorrected(PatientId, CorrectedEventId, "Scalp added", PlanId,
                    FacePlan() with { Areas = [TreatmentArea.Face, TreatmentArea.Scalp] }))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Reschedule(At(3, 4)))
            .ThenRefuses(RefusalCodes.ConsentMissing);
}
