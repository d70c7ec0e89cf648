using Clinic.EventStore.Documents;
using Clinic.EventStore.Events;
using Clinic.EventStore.Streams;

namespace Clinic.EventStore.Sessions;

/// <summary>
/// A unit of work for one tenant: appends to any number of streams, document writes and enlisted
/// participants' writes all commit together in <see cref="SaveChangesAsync"/>, or none of them do.
/// Loads by id see the session's own pending document writes.
/// </summary>
public sealed class DocumentSession : TenantSession, IDocumentOperations
{
    private readonly StoreContext _store;
    private readonly DocumentChanges _changes;
    private readonly List<IUnitOfWorkParticipant> _participants = [];

    internal DocumentSession(StoreContext store, string tenantId, EventMetadata metadata)
        : this(store, tenantId, metadata, new DocumentChanges())
    {
    }

    private DocumentSession(StoreContext store, string tenantId, EventMetadata metadata, DocumentChanges changes)
        : base(new TenantDocuments(tenantId, store, changes, Connections.Pooled(store.DataSource)))
    {
        _store = store;
        _changes = changes;
        Metadata = metadata;
        Events = new EventOperations(store, tenantId, Connections.Pooled(store.DataSource), () => Metadata);
    }

    /// <summary>Recorded on every event appended through this session, unless an append gives its own.</summary>
    public EventMetadata Metadata { get; set; }

    public EventOperations Events { get; }

    public void Store<TDocument>(TDocument document) where TDocument : class => Documents.Store(document);

    public void Delete<TDocument>(object id) where TDocument : class => Documents.Delete<TDocument>(id);

    /// <summary>Adds writes of another component (an outbox, say) to this unit of work.</summary>
    public void Enlist(IUnitOfWorkParticipant participant) => _participants.Add(participant);

    /// <summary>
    /// Commits everything pending. A <see cref="Streams.ConcurrencyException"/> means a stream was not at
    /// its expected version and nothing was written. Returns the appended events as stored.
    /// </summary>
    public async Task<IReadOnlyList<EventEnvelope>> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (Events.Pending.Count == 0 && _changes.IsEmpty && _participants.Count == 0)
            return [];
        var unitOfWork = new UnitOfWork(_store, TenantId, Events.Pending, _changes, _participants);
        var committed = await unitOfWork.CommitAsync(cancellationToken);
        Events.Clear();
        _changes.Clear();
        _participants.Clear();
        return committed;
    }
}
