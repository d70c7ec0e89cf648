using Clinic.Api.Notifications;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Workflow;

/// <summary>
/// What recorded events set in motion, sent with them in the same transaction: timers scheduled, moved or
/// cancelled (session reminders, allergy readings falling due, regulator reporting clocks), and notifications
/// to subscribers.
/// </summary>
internal sealed class FollowUps(Notifiers notifiers, TimeProvider clock)
{
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(24);

    /// <summary>The reporting clock fires just after its deadline, when the report is overdue.</summary>
    public static readonly TimeSpan DeadlineGrace = TimeSpan.FromMinutes(1);

    public void Plan(HandlerContext context, IReadOnlyList<IDomainEvent> events, PatientDetails? patient = null)
    {
        foreach (var @event in events)
        {
            PlanTimers(context, @event);
            PlanNotifications(context, @event, patient);
        }
    }

    private static void PlanTimers(HandlerContext context, IDomainEvent @event)
    {
        var outbox = context.Outbox;
        switch (@event)
        {
            case SessionScheduled e:
                outbox.Schedule(new SendSessionReminder(e.PatientId, e.SessionId, e.StartsAt), e.StartsAt - ReminderLead, ReminderKey(e.SessionId));
                break;
            case SessionRescheduled e:
                outbox.Schedule(new SendSessionReminder(e.PatientId, e.SessionId, e.StartsAt), e.StartsAt - ReminderLead, ReminderKey(e.SessionId));
                break;
            case SessionCancelled e:
                outbox.CancelScheduled(ReminderKey(e.SessionId));
                break;
            case AllergyTestApplied e:
                outbox.Schedule(new AllergyReadingDue(e.PatientId, e.TestId), AllergyTest.ReadingDueAfter(e.AppliedAt), AllergyReadingKey(e.TestId));
                break;
            case AllergyTestApplicationCorrected { ReadingDueAt: { } due } e:
                outbox.Schedule(new AllergyReadingDue(e.PatientId, e.TestId), due, AllergyReadingKey(e.TestId));
                break;
            case AllergyTestRead e:
                outbox.CancelScheduled(AllergyReadingKey(e.TestId));
                break;
            case SideEffectReported { ReportDueAt: { } due } e:
                outbox.Schedule(new ReportDeadlineReached(e.PatientId, e.SideEffectId), due + DeadlineGrace, DeadlineKey(e.SideEffectId));
                break;
            case SideEffectCorrected e when e.ReportDueAt is { } due:
                outbox.Schedule(new ReportDeadlineReached(e.PatientId, e.SideEffectId), due + DeadlineGrace, DeadlineKey(e.SideEffectId));
                break;
            case SideEffectCorrected e:
                outbox.CancelScheduled(DeadlineKey(e.SideEffectId));
                break;
            case RegulatorNotified e:
                outbox.CancelScheduled(DeadlineKey(e.SideEffectId));
                break;
            case SideEffectReviewed { Decision: ReviewDecision.ReportedInError } e:
                outbox.CancelScheduled(DeadlineKey(e.SideEffectId));
                break;
        }
    }

    private void PlanNotifications(HandlerContext context, IDomainEvent @event, PatientDetails? patient)
    {
        var clinic = context.Command.TenantId;
        var eventType = EventCatalog.NameOf(@event);
        Notify(context, new Notification(Notification.Event, clinic, clock.GetUtcNow(), new EventNotice(eventType)), eventType);
        switch (@event)
        {
            case SessionReminderSent e:
                Notify(context, new Notification(Notification.SessionReminder, clinic, e.SentAt, new
                {
                    e.PatientId, e.SessionId, e.SessionStartsAt,
                    contact = patient is null ? null : new { patient.FirstName, patient.Phone, patient.Email },
                }));
                break;
            case SideEffectReportOverdue e:
                Notify(context, new Notification(Notification.ReportOverdue, clinic, e.EscalatedAt, new { e.PatientId, e.SideEffectId, e.DueAt }));
                break;
        }
    }

    private void Notify(HandlerContext context, Notification notification, string? eventType = null)
    {
        foreach (var subscriber in notifiers.SubscribersFor(notification.Kind, eventType))
            context.Outbox.Publish(new NotificationDue(subscriber, notification));
    }

    public static string ReminderKey(Guid sessionId) => $"session-reminder:{sessionId}";
    public static string AllergyReadingKey(Guid testId) => $"allergy-reading:{testId}";
    public static string DeadlineKey(Guid sideEffectId) => $"report-deadline:{sideEffectId}";
}
