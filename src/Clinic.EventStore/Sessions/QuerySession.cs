using Clinic.EventStore.Documents;
using Clinic.EventStore.Streams;

namespace Clinic.EventStore.Sessions;

/// <summary>Read-only access to one tenant's streams and documents. Each read takes a pooled connection.</summary>
public sealed class QuerySession : TenantSession
{
    internal QuerySession(StoreContext store, string tenantId)
        : base(new TenantDocuments(tenantId, store, new DocumentChanges(), Connections.Pooled(store.DataSource))) =>
        Events = new EventReader(store, tenantId, Connections.Pooled(store.DataSource));

    public EventReader Events { get; }
}
