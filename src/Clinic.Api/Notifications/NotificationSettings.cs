namespace Clinic.Api.Notifications;

/// <summary>Configuration section <c>Notifications</c>: webhook subscribers, and whether the log gets notifications too.</summary>
public sealed class NotificationSettings
{
    public const string Section = "Notifications";
    public const string LogSubscriber = "log";

    public List<WebhookSubscription> Webhooks { get; set; } = [];

    /// <summary>Log each notification's kind and clinic (never its data): the development notifier.</summary>
    public bool Log { get; set; } = true;

    /// <summary>The subscribers that want a notification of this kind (and event type).</summary>
    public IEnumerable<string> SubscribersFor(string kind, string? eventType = null)
    {
        if (Log && kind != Notification.Event)
            yield return LogSubscriber;
        foreach (var webhook in Webhooks.Where(w => w.Wants(kind, eventType)))
            yield return webhook.Name;
    }
}
