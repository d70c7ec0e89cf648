using Clinic.EventStore.Documents;

namespace Clinic.EventStore.Sessions;

/// <summary>What every session of one tenant reads documents with.</summary>
public abstract class TenantSession : IDocumentReads
{
    private protected TenantSession(TenantDocuments documents) => Documents = documents;

    private protected TenantDocuments Documents { get; }

    public string TenantId => Documents.TenantId;

    public Task<TDocument?> LoadAsync<TDocument>(object id, CancellationToken cancellationToken = default) where TDocument : class =>
        Documents.LoadAsync<TDocument>(id, cancellationToken);

    public Task<IReadOnlyDictionary<string, TDocument>> LoadManyAsync<TDocument>(IEnumerable<object> ids, CancellationToken cancellationToken = default)
        where TDocument : class =>
        Documents.LoadManyAsync<TDocument>(ids, cancellationToken);

    public DocumentQuery<TDocument> Query<TDocument>() where TDocument : class => Documents.Query<TDocument>();
}
