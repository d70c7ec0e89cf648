using Clinic.Api.Notifications;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Wolverine;

namespace Clinic.Api.Workflow;

/// <summary>
/// What recorded events set in motion, returned by the handler as its outgoing messages and sent by Wolverine's
/// outbox with the events: timers (session reminders, allergy readings falling due, regulator reporting clocks) as
/// durable scheduled messages, and notifications to subscribers. A scheduled message cannot be withdrawn: one that
/// a later event made pointless (a session moved or cancelled, a test read, the regulator notified) is refused by
/// the domain when it fires, on the state of that moment.
/// </summary>
public sealed class FollowUps(Notifiers notifiers, TimeProvider clock)
{
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(24);

    /// <summary>The reporting clock fires just after its deadline, when the report is overdue.</summary>
    public static readonly TimeSpan DeadlineGrace = TimeSpan.FromMinutes(1);

    public OutgoingMessages For(string clinicId, IReadOnlyList<IDomainEvent> events, PatientDetails? patient = null)
    {
        var messages = new OutgoingMessages();
        foreach (var @event in events)
        {
            ScheduleTimers(messages, @event);
            AddNotifications(messages, clinicId, @event, patient);
        }
        return messages;
    }

    private static void ScheduleTimers(OutgoingMessages messages, IDomainEvent @event)
    {
        foreach (var (timer, at) in TimersOf(@event))
            messages.Schedule(timer, at);
    }

    /// <summary>The timers an event sets, each with the time it fires.</summary>
    public static IEnumerable<(ITimer Timer, DateTimeOffset At)> TimersOf(IDomainEvent @event) => @event switch
    {
        SessionScheduled e => [(new SendSessionReminder(e.PatientId, e.SessionId, e.StartsAt), e.StartsAt - ReminderLead)],
        SessionRescheduled e => [(new SendSessionReminder(e.PatientId, e.SessionId, e.StartsAt), e.StartsAt - ReminderLead)],
        AllergyTestApplied e => [Reading(e.PatientId, e.TestId, AllergyTest.ReadingDueAfter(e.AppliedAt))],
        AllergyTestApplicationCorrected { ReadingDueAt: { } due } e => [Reading(e.PatientId, e.TestId, due)],
        SideEffectReported { ReportDueAt: { } due } e => [Deadline(e.PatientId, e.SideEffectId, due)],
        SideEffectCorrected { ReportDueAt: { } due } e => [Deadline(e.PatientId, e.SideEffectId, due)],
        _ => [],
    };

    private static (ITimer, DateTimeOffset) Reading(Guid patientId, Guid testId, DateTimeOffset due) => (new AllergyReadingDue(patientId, testId, due), due);

    private static (ITimer, DateTimeOffset) Deadline(Guid patientId, Guid sideEffectId, DateTimeOffset due) =>
        (new ReportDeadlineReached(patientId, sideEffectId, due + DeadlineGrace), due + DeadlineGrace);

    private void AddNotifications(OutgoingMessages messages, string clinicId, IDomainEvent @event, PatientDetails? patient)
    {
        var eventType = EventCatalog.NameOf(@event);
        Notify(messages, new Notification(Notification.Event, clinicId, clock.GetUtcNow(), new EventNotice(eventType)), eventType);
        switch (@event)
        {
            case SessionReminderSent e:
                Notify(messages, new Notification(Notification.SessionReminder, clinicId, e.SentAt, new
                {
                    e.PatientId, e.SessionId, e.SessionStartsAt,
                    contact = patient is null ? null : new ReminderContact(patient.FirstName, patient.Phone, patient.Email),
                }));
                break;
            case SideEffectReportOverdue e:
                Notify(messages, new Notification(Notification.ReportOverdue, clinicId, e.EscalatedAt, new { e.PatientId, e.SideEffectId, e.DueAt }));
                break;
        }
    }

    private void Notify(OutgoingMessages messages, Notification notification, string? eventType = null)
    {
        foreach (var subscriber in notifiers.SubscribersFor(notification.Kind, eventType))
            messages.Add(new NotificationDue(subscriber, notification));
    }
}
