using System.Text.Json;
using Clinic.Api.Privacy;
using Wolverine;

namespace Clinic.Api.Notifications;

/// <summary>
/// Hands a notification to the notifier of its subscriber; a failure is retried by Wolverine, then dead-lettered. A
/// notification read back from the message store has its data as stored, whose personal values are opened here (an
/// erased patient's read as null).
/// </summary>
public static class NotificationDueHandler
{
    public static Task HandleAsync(NotificationDue message, Notifiers notifiers, PersonalSeal seal, Envelope envelope, CancellationToken cancellationToken)
    {
        var notification = message.Notification.Data is JsonElement stored ? message.Notification with { Data = seal.OpenAll(stored)! } : message.Notification;
        return notifiers.Named(message.Subscriber).NotifyAsync(notification, envelope.Id, cancellationToken);
    }
}
