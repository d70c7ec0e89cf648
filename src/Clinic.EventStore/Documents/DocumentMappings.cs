namespace Clinic.EventStore.Documents;

/// <summary>The document types this store keeps, each in its own jsonb table keyed by (tenant, id).</summary>
public sealed class DocumentMappings
{
    private readonly Dictionary<Type, DocumentMapping> _byType = [];

    /// <summary>Registers (or returns) the mapping of <typeparamref name="TDocument"/>; its table is doc_{alias}.</summary>
    public DocumentMappingBuilder<TDocument> For<TDocument>(string? alias = null)
    {
        if (!_byType.TryGetValue(typeof(TDocument), out var mapping))
        {
            mapping = new DocumentMapping(typeof(TDocument), alias ?? Schema.SqlIdentifier.SnakeCase(typeof(TDocument).Name));
            if (_byType.Values.Any(m => m.TableName == mapping.TableName))
                throw new InvalidOperationException($"Two document types would share the table {mapping.TableName}; give one an alias.");
            _byType[typeof(TDocument)] = mapping;
        }
        return new DocumentMappingBuilder<TDocument>(mapping);
    }

    public IReadOnlyCollection<DocumentMapping> All => _byType.Values;

    internal DocumentMapping Of(Type documentType) =>
        _byType.TryGetValue(documentType, out var mapping)
            ? mapping
            : throw new InvalidOperationException($"{documentType.Name} is not a registered document type; register it with Documents.For<{documentType.Name}>().");
}
