namespace Clinic.EventStore.Events;

/// <summary>Who appended an event, on whose behalf, as part of what, and why.</summary>
public sealed record EventMetadata
{
    public static readonly EventMetadata None = new();

    public string? ActorId { get; init; }
    public string? ActorRole { get; init; }
    public string? CorrelationId { get; init; }
    public string? CausationId { get; init; }

    /// <summary>Why the change was made; expected on corrections.</summary>
    public string? Reason { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
