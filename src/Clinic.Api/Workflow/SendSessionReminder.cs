using Wolverine.Attributes;

namespace Clinic.Api.Workflow;

/// <summary>Scheduled 24 hours before a session: remind the patient, unless the session moved or was cancelled.</summary>
[MessageIdentity("send-session-reminder.v1")]
public sealed record SendSessionReminder(Guid PatientId, Guid SessionId, DateTimeOffset SessionStartsAt) : ITimer
{
    public DateTimeOffset DueAt => SessionStartsAt - FollowUps.ReminderLead;
}
