using Wolverine;

namespace Clinic.Api.Notifications;

/// <summary>Hands a notification to the notifier of its subscriber; a failure is retried by Wolverine, then dead-lettered.</summary>
public static class NotificationDueHandler
{
    public static Task HandleAsync(NotificationDue message, Notifiers notifiers, Envelope envelope, CancellationToken cancellationToken) =>
        notifiers.Named(message.Subscriber).NotifyAsync(message.Notification, envelope.Id, cancellationToken);
}
