namespace Clinic.Api.Notifications;

/// <summary>Configuration section <c>Notifications</c>: webhook subscribers, and whether the log notifier gets reminders and escalations too.</summary>
public sealed class NotificationSettings
{
    public const string Section = "Notifications";

    public List<WebhookSubscription> Webhooks { get; set; } = [];

    /// <summary>Log each reminder's and escalation's kind and clinic (never its data): the development notifier.</summary>
    public bool Log { get; set; } = true;

    /// <summary>Refuses to start with a webhook that is not usable, or with two subscribers of one name.</summary>
    public void Validate()
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { LogNotifier.SubscriberName };
        foreach (var webhook in Webhooks)
        {
            webhook.Validate();
            if (!names.Add(webhook.Name))
            {
                throw new InvalidOperationException(
                    $"Notifications:Webhooks has two subscribers named '{webhook.Name}' ('{LogNotifier.SubscriberName}' is the log notifier's): give each webhook a Name of its own.");
            }
        }
    }
}
