using Clinic.EventStore.Documents;

namespace Clinic.EventStore.Sessions;

/// <summary>Reading one tenant's documents.</summary>
public interface IDocumentReads
{
    string TenantId { get; }

    /// <param name="id">A Guid or a string.</param>
    Task<TDocument?> LoadAsync<TDocument>(object id, CancellationToken cancellationToken = default) where TDocument : class;

    /// <summary>The documents that exist among <paramref name="ids"/>, by their id as stored (see <see cref="DocumentId"/>).</summary>
    Task<IReadOnlyDictionary<string, TDocument>> LoadManyAsync<TDocument>(IEnumerable<object> ids, CancellationToken cancellationToken = default)
        where TDocument : class;

    DocumentQuery<TDocument> Query<TDocument>() where TDocument : class;
}
