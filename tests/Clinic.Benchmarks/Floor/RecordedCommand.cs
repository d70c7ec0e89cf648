namespace Clinic.Benchmarks.Floor;

/// <summary>What one command wrote in its transaction, read back from our schema: the floor writes the same rows.</summary>
public sealed class RecordedCommand(string correlationId)
{
    public string CorrelationId { get; } = correlationId;
    public List<RecordedEvent> Events { get; } = [];
    public List<RecordedRow> Documents { get; } = [];

    /// <summary>The messages it sent or scheduled, as Wolverine's inbox still held them when they were read back.</summary>
    public List<RecordedRow> Envelopes { get; } = [];

    /// <summary>The transaction's id (xmin of every row it wrote), which finds its documents and envelopes.</summary>
    public string TransactionId { get; set; } = "";
}

/// <param name="StreamType">
/// The stream's mt_streams.type, written when the command started the stream; null when the stream was started without
/// an aggregate type.
/// </param>
public sealed record RecordedEvent(
    Guid Id, Guid StreamId, string? StreamType, long Version, string Type, string Data, string DotNetType,
    string? CausationId, string? Headers, DateTimeOffset Timestamp);

/// <summary>A document row as JSON (to_jsonb of the row), upserted as a whole.</summary>
public sealed record RecordedRow(string Table, string Json);
