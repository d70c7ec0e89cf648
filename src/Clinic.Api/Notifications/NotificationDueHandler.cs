using Clinic.Messaging.Delivery;

namespace Clinic.Api.Notifications;

/// <summary>Hands a notification to the notifier of its subscriber; a failure is retried through the outbox.</summary>
internal sealed class NotificationDueHandler(Notifiers notifiers) : IMessageHandler<NotificationDue>
{
    public Task HandleAsync(NotificationDue message, MessageContext context, CancellationToken cancellationToken) =>
        notifiers.Named(message.Subscriber).NotifyAsync(message.Notification, context.MessageId, cancellationToken);
}
