using Clinic.Domain.Common;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class SessionAttendanceTests
{
    private static PatientScenario Booked3March(params IDomainEvent[] extra) =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), .. extra]);

    [Fact]
    public void A_patient_who_did_not_come_is_marked_no_show() =>
        Booked3March()
            .When(new RecordNoShow(PatientId, SessionId, At(3, 3, 10, 20)))
            .ThenEmits(new SessionMarkedNoShow(PatientId, SessionId, At(3, 3, 10, 20)));

    [Fact]
    public void A_no_show_is_recorded_only_once_the_session_started() =>
        Booked3March()
            .When(new RecordNoShow(PatientId, SessionId, At(3, 3, 9, 59)))
            .ThenRefuses(RefusalCodes.SessionNotStarted);

    [Fact]
    public void A_cancelled_session_cannot_be_a_no_show() =>
        Booked3March(new SessionCancelled(PatientId, SessionId, At(3, 2), "Patient unwell"))
            .When(new RecordNoShow(PatientId, SessionId, At(3, 3, 11)))
            .ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void A_no_show_of_an_unknown_session_is_refused() =>
        Booked3March()
            .When(new RecordNoShow(PatientId, Guid.NewGuid(), At(3, 3, 11)))
            .ThenRefuses(RefusalCodes.SessionNotFound);

    [Fact]
    public void A_sent_reminder_is_recorded_with_the_start_it_announced() =>
        Booked3March()
            .When(new RecordReminderSent(PatientId, SessionId, At(3, 2, 10)))
            .ThenEmits(new SessionReminderSent(PatientId, SessionId, At(3, 3), At(3, 2, 10)));

    [Fact]
    public void A_start_is_announced_once() =>
        Booked3March(new SessionReminderSent(PatientId, SessionId, At(3, 3), At(3, 2, 10)))
            .When(new RecordReminderSent(PatientId, SessionId, At(3, 2, 11)))
            .ThenRefuses(RefusalCodes.ReminderAlreadySent);

    [Fact]
    public void A_rescheduled_session_gets_a_new_reminder() =>
        Booked3March(
                new SessionReminderSent(PatientId, SessionId, At(3, 3), At(3, 2, 10)),
                new SessionRescheduled(PatientId, SessionId, At(3, 4, 14), At(3, 4, 14, 30), "Patient asked", null))
            .When(new RecordReminderSent(PatientId, SessionId, At(3, 3, 14)))
            .ThenEmits(new SessionReminderSent(PatientId, SessionId, At(3, 4, 14), At(3, 3, 14)));

    [Fact]
    public void A_reminder_planned_for_the_start_before_a_reschedule_is_stale() =>
        Booked3March(new SessionRescheduled(PatientId, SessionId, At(3, 4, 14), At(3, 4, 14, 30), "Patient asked", null))
            .When(new RecordReminderSent(PatientId, SessionId, At(3, 2, 10), ForStartsAt: At(3, 3)))
            .ThenRefuses(RefusalCodes.ReminderStale);

    [Fact]
    public void A_reminder_planned_for_the_current_start_is_sent() =>
        Booked3March()
            .When(new RecordReminderSent(PatientId, SessionId, At(3, 2, 10), ForStartsAt: At(3, 3)))
            .ThenEmits(new SessionReminderSent(PatientId, SessionId, At(3, 3), At(3, 2, 10)));

    [Fact]
    public void A_cancelled_session_gets_no_reminder() =>
        Booked3March(new SessionCancelled(PatientId, SessionId, At(3, 1, 16), "Patient unwell"))
            .When(new RecordReminderSent(PatientId, SessionId, At(3, 2, 10)))
            .ThenRefuses(RefusalCodes.SessionNotScheduled);

    [Fact]
    public void A_reminder_of_an_unknown_session_is_refused() =>
        Booked3March()
            .When(new RecordReminderSent(PatientId, Guid.NewGuid(), At(3, 2, 10)))
            .ThenRefuses(RefusalCodes.SessionNotFound);
}
