using Clinic.EventStore.Events;

namespace Clinic.EventStore.Streams;

/// <summary>Events waiting to be appended to one stream when the unit of work commits.</summary>
internal sealed class PendingAppend(Guid streamId, string? streamType, ExpectedVersion expected, EventMetadata metadata)
{
    public Guid StreamId { get; } = streamId;
    public string? StreamType { get; } = streamType;
    public ExpectedVersion Expected { get; set; } = expected;
    public EventMetadata Metadata { get; } = metadata;
    public List<(Guid Id, string Type, object Data)> Events { get; } = [];

    /// <summary>The version the <paramref name="index"/>-th event takes in the stream.</summary>
    public long VersionOf(int index) => Expected.KnownVersion + index + 1;

    /// <summary>The events as they will be stored, but for what only the database gives (sequence, time, transaction).</summary>
    public IEnumerable<EventEnvelope> PendingEnvelopes(string tenantId) =>
        Events.Select((e, i) => new EventEnvelope(e.Id, 0, StreamId, VersionOf(i), e.Type, e.Data, Metadata, tenantId, default, 0));
}
