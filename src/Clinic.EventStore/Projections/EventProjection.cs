using Clinic.EventStore.Events;
using Clinic.EventStore.Sessions;

namespace Clinic.EventStore.Projections;

/// <summary>A projection that handles events one at a time, in order, writing whatever documents it needs.</summary>
public abstract class EventProjection : IProjection
{
    public abstract string Name { get; }

    /// <inheritdoc cref="IProjection.ReadsMetadata"/>
    public virtual bool ReadsMetadata => true;

    /// <inheritdoc cref="IProjection.UsesEventPositions"/>
    public virtual bool UsesEventPositions => true;
    public abstract IReadOnlyCollection<Type> EventTypes { get; }
    public abstract IReadOnlyCollection<Type> DocumentTypes { get; }

    protected abstract Task ProjectAsync(IDocumentOperations operations, EventEnvelope @event, CancellationToken cancellationToken);

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
            await ProjectAsync(operations, @event, cancellationToken);
    }
}
