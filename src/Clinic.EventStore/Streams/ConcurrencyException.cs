namespace Clinic.EventStore.Streams;

/// <summary>The stream was not at the version the writer expected; nothing of the unit of work was written.</summary>
public sealed class ConcurrencyException(Guid streamId, string expected, string detail)
    : Exception($"Stream {streamId} was expected at version {expected}: {detail}")
{
    public Guid StreamId { get; } = streamId;
    public string Expected { get; } = expected;
}
