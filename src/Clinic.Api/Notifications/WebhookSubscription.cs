namespace Clinic.Api.Notifications;

/// <summary>
/// A receiver of notifications: an HTTPS URL (plain HTTP only on loopback), the secret its signatures are made
/// with, and what it wants: notification kinds, and for <c>event</c> notifications the event types (none: all).
/// </summary>
public sealed class WebhookSubscription
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public string Secret { get; set; } = "";
    public List<string> Kinds { get; set; } = [Notification.SessionReminder, Notification.ReportOverdue];
    public List<string> EventTypes { get; set; } = [];

    public bool Wants(string kind, string? eventType) =>
        Kinds.Contains(kind) && (kind != Notification.Event || EventTypes.Count == 0 || (eventType is not null && EventTypes.Contains(eventType)));

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw new InvalidOperationException("Every webhook needs a Name.");
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            throw new InvalidOperationException($"Webhook '{Name}' needs an https URL (plain http is allowed on loopback only).");
        if (Secret.Length < 16)
            throw new InvalidOperationException($"Webhook '{Name}' needs a Secret of at least 16 characters to sign with.");
    }
}
