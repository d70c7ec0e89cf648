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
}
