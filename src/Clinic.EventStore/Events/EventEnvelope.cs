namespace Clinic.EventStore.Events;

/// <summary>An event as stored: its data with everything the store recorded around it.</summary>
/// <param name="Data">The deserialized event, or null when the reader did not ask for this event type's data.</param>
public sealed record EventEnvelope(
    Guid Id,
    long Sequence,
    Guid StreamId,
    long Version,
    string EventType,
    object? Data,
    EventMetadata Metadata,
    string TenantId,
    DateTimeOffset Timestamp,
    ulong TransactionId)
{
    public EventPosition Position => new(TransactionId, Sequence);
}
