namespace Clinic.Api.Notifications;

/// <summary>The configured notifiers by subscriber name: the log notifier when <c>Notifications:Log</c> is on, and one per webhook.</summary>
public sealed class Notifiers(IReadOnlyList<INotifier> notifiers)
{
    private readonly Dictionary<string, INotifier> _byName = notifiers.ToDictionary(n => n.Name, StringComparer.Ordinal);

    /// <summary>The subscribers that want a notification of this kind (and event type).</summary>
    public IEnumerable<string> SubscribersFor(string kind, string? eventType = null) =>
        notifiers.Where(n => n.Wants(kind, eventType)).Select(n => n.Name);

    public INotifier Named(string subscriber) =>
        _byName.GetValueOrDefault(subscriber)
        ?? throw new InvalidOperationException($"No notification subscriber named '{subscriber}' is configured any more.");
}
