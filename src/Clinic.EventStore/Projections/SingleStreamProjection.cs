using Clinic.EventStore.Events;

namespace Clinic.EventStore.Projections;

/// <summary>One document per stream of <see cref="StreamType"/>, with the stream id as its id.</summary>
public abstract class SingleStreamProjection<TDocument> : MultiStreamProjection<TDocument, Guid>, IStreamProjection
    where TDocument : class
{
    public abstract string StreamType { get; }
    public Type DocumentType => typeof(TDocument);

    protected sealed override IEnumerable<Guid> DocumentIds(EventEnvelope @event) => [@event.StreamId];
}
