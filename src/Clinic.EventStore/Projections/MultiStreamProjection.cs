using Clinic.EventStore.Documents;
using Clinic.EventStore.Events;
using Clinic.EventStore.Sessions;

namespace Clinic.EventStore.Projections;

/// <summary>
/// Documents folded from events of any streams: each event names the documents it touches, and each
/// touched document is evolved by the event. A batch loads its documents once and writes each once.
/// </summary>
public abstract class MultiStreamProjection<TDocument, TId> : IProjection
    where TDocument : class
    where TId : notnull
{
    public abstract string Name { get; }

    /// <inheritdoc cref="IProjection.ReadsMetadata"/>
    public virtual bool ReadsMetadata => true;

    /// <inheritdoc cref="IProjection.UsesEventPositions"/>
    public virtual bool UsesEventPositions => true;
    public abstract IReadOnlyCollection<Type> EventTypes { get; }
    public IReadOnlyCollection<Type> DocumentTypes => [typeof(TDocument)];

    /// <summary>The ids of the documents this event changes (none to ignore it).</summary>
    protected abstract IEnumerable<TId> DocumentIds(EventEnvelope @event);

    public IEnumerable<string> DocumentIdsFor(EventEnvelope @event) => DocumentIds(@event).Select(id => DocumentId.From(id));

    /// <summary>The document after the event; null deletes it. <paramref name="document"/> is null when it does not exist yet.</summary>
    protected abstract TDocument? Evolve(TDocument? document, TId id, EventEnvelope @event);

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        var touchedIds = events.SelectMany(e => DocumentIds(e).Select(id => (Event: e, Id: id))).ToList();
        var documentIds = touchedIds.Select(t => t.Id).Distinct().ToList();
        var loaded = await operations.LoadManyAsync<TDocument>(documentIds.Cast<object>(), cancellationToken);
        var current = documentIds.ToDictionary(id => id, id => loaded.GetValueOrDefault(DocumentId.From(id)));

        foreach (var (@event, id) in touchedIds)
            current[id] = Evolve(current[id], id, @event);

        foreach (var (id, document) in current)
        {
            if (document is not null)
                operations.Store(document);
            else if (loaded.ContainsKey(DocumentId.From(id)))
                operations.Delete<TDocument>(id);
        }
    }
}
