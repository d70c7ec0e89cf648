namespace Clinic.Api.Notifications;

/// <summary>
/// Something the clinic's systems outside this one should hear about. <see cref="Kind"/> is
/// <c>session-reminder</c>, <c>side-effect-report-overdue</c>, or <c>event</c> for event notifications.
/// </summary>
public sealed record Notification(string Kind, string Clinic, DateTimeOffset OccurredAt, object Data)
{
    public const string SessionReminder = "session-reminder";
    public const string ReportOverdue = "side-effect-report-overdue";
    public const string Event = "event";
}
