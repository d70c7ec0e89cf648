namespace Clinic.EventStore.Sessions;

/// <summary>Reading and changing one tenant's documents inside a unit of work; changes commit with it.</summary>
public interface IDocumentOperations : IDocumentReads
{
    void Store<TDocument>(TDocument document) where TDocument : class;

    /// <param name="id">A Guid or a string.</param>
    void Delete<TDocument>(object id) where TDocument : class;
}
