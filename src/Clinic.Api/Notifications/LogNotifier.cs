namespace Clinic.Api.Notifications;

/// <summary>
/// The development notifier (<c>Notifications:Log</c>): writes each reminder and escalation to the log as its kind,
/// clinic and message id. Never the notification's data: that holds patient ids and contact details.
/// </summary>
internal sealed class LogNotifier(ILogger<LogNotifier> logger) : INotifier
{
    public const string SubscriberName = "log";

    public string Name => SubscriberName;

    public bool Wants(string kind, string? eventType) => kind != Notification.Event;

    public Task NotifyAsync(Notification notification, Guid messageId, CancellationToken cancellationToken)
    {
        logger.LogInformation("Notification {Kind} for clinic {Clinic} (message {MessageId})", notification.Kind, notification.Clinic, messageId);
        return Task.CompletedTask;
    }
}
