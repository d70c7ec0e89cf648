using Clinic.EventStore.Events;
using Clinic.EventStore.Sessions;

namespace Clinic.EventStore.Streams;

/// <summary>Reads streams, and queues appends that commit with the session's unit of work.</summary>
public sealed class EventOperations : EventReader
{
    private readonly List<PendingAppend> _pending = [];
    private readonly Func<EventMetadata> _sessionMetadata;

    internal EventOperations(StoreContext store, string tenantId, Connections connections, Func<EventMetadata> sessionMetadata)
        : base(store, tenantId, connections) => _sessionMetadata = sessionMetadata;

    internal IReadOnlyList<PendingAppend> Pending => _pending;

    /// <summary>Starts a new stream; the commit fails with a <see cref="ConcurrencyException"/> if it exists.</summary>
    public void StartStream(Guid streamId, string streamType, params object[] events) =>
        Append(streamId, ExpectedVersion.New, events, streamType);

    public void Append(Guid streamId, ExpectedVersion expected, params object[] events) =>
        Append(streamId, expected, events, streamType: null);

    /// <param name="streamType">Required when the append may create the stream (<see cref="ExpectedVersion.New"/> or <see cref="ExpectedVersion.Any"/>).</param>
    /// <param name="metadata">Overrides the session's metadata for these events (for example to give a reason).</param>
    public void Append(Guid streamId, ExpectedVersion expected, IEnumerable<object> events, string? streamType, EventMetadata? metadata = null)
    {
        var batch = events.ToList();
        if (batch.Count == 0)
            throw new ArgumentException("Append at least one event.", nameof(events));
        if (_pending.Any(p => p.StreamId == streamId))
            throw new InvalidOperationException($"Stream {streamId} is already appended to in this unit of work; append all its events at once.");
        if (!expected.IsNew && !expected.IsAny && streamType is not null)
            throw new ArgumentException("A stream type only applies when the append may create the stream.", nameof(streamType));
        if ((expected.IsNew || expected.IsAny) && string.IsNullOrWhiteSpace(streamType))
            throw new ArgumentException("Name the stream type of a stream this append may create.", nameof(streamType));

        var append = new PendingAppend(streamId, streamType, expected, metadata ?? _sessionMetadata());
        foreach (var data in batch)
            append.Events.Add((Guid.CreateVersion7(), Store.Options.Events.NameOf(data.GetType()), data));
        _pending.Add(append);
    }

    internal void Clear() => _pending.Clear();
}
