namespace Clinic.Api.Notifications;

/// <summary>
/// One configured subscriber of notifications and the way to reach it (see <see cref="Notifiers"/>). Each
/// notification goes to each subscriber that wants it as an outbox message of its own (<see cref="NotificationDue"/>),
/// so a notifier that throws fails that delivery alone, and the outbox retries it with back-off.
/// </summary>
public interface INotifier
{
    /// <summary>The subscriber's name, recorded in each <see cref="NotificationDue"/>; unique among the configured notifiers.</summary>
    string Name { get; }

    bool Wants(string kind, string? eventType);

    Task NotifyAsync(Notification notification, Guid messageId, CancellationToken cancellationToken);
}
