using Clinic.EventStore.Events;

namespace Clinic.EventStore.Projections;

/// <summary>
/// A projection each of whose documents is derived from the events of one stream of
/// <see cref="StreamType"/> (by default the document id is the stream id, but it need not be). Only
/// these can run inline: the store preloads the documents an append touches in the same round trip,
/// and rebuilds them stream by stream while appends continue.
/// </summary>
public interface IStreamProjection : IProjection
{
    string StreamType { get; }
    Type DocumentType { get; }

    /// <summary>The ids (as stored) of the documents this event changes.</summary>
    IEnumerable<string> DocumentIdsFor(EventEnvelope @event);
}
