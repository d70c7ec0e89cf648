namespace Clinic.Benchmarks.Floor;

/// <summary>What one command wrote, read back from our schema: the floor writes the same rows.</summary>
public sealed class RecordedCommand(string correlationId)
{
    public string CorrelationId { get; } = correlationId;
    public List<RecordedEvent> Events { get; } = [];
    public List<RecordedDocument> Documents { get; } = [];
    public List<RecordedMessage> Messages { get; } = [];
    public DateTimeOffset CommittedAt { get; set; }
}

public sealed record RecordedEvent(Guid Id, Guid StreamId, long Version, string Type, string Data, string Metadata);

public sealed record RecordedDocument(string Table, string Id, string Data);

public sealed record RecordedMessage(Guid Id, string Type, string Body, string Headers, DateTimeOffset DeliverAt, string? ScheduleKey);
