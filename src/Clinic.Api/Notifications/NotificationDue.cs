namespace Clinic.Api.Notifications;

/// <summary>An outbox message: deliver <paramref name="Notification"/> to one subscriber (retried until it accepts it).</summary>
public sealed record NotificationDue(string Subscriber, Notification Notification);
