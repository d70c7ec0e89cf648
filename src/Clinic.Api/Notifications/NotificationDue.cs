using Wolverine.Attributes;

namespace Clinic.Api.Notifications;

/// <summary>An outbox message: deliver <paramref name="Notification"/> to one subscriber (retried until it accepts it).</summary>
[MessageIdentity("notification-due.v1")]
public sealed record NotificationDue(string Subscriber, Notification Notification) : Messaging.IClinicMessage;
