using Clinic.EventStore.Documents;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;
using Clinic.EventStore.Sessions;
using Npgsql;

namespace Clinic.EventStore.Daemon;

/// <summary>
/// Applies a batch of feed events to a projection in one transaction that also moves its checkpoint
/// from where the batch started to the batch's last event: the documents and the checkpoint commit
/// together or not at all.
/// </summary>
internal sealed class ProjectionApplier(StoreContext store, ProjectionCheckpoints checkpoints)
{
    /// <summary>Returns false, writing nothing, if the checkpoint was not at <paramref name="from"/> any more.</summary>
    public async Task<bool> ApplyAsync(
        IProjection projection, IReadOnlyList<EventEnvelope> batch, EventPosition from, bool byRebuild, CancellationToken cancellationToken)
    {
        var handled = store.EventNamesReadBy(projection);
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changes = new DocumentChanges();
        foreach (var tenantEvents in batch.Where(e => handled.Contains(e.EventType)).GroupBy(e => e.TenantId))
        {
            var documents = new TenantDocuments(tenantEvents.Key, store, changes, Connections.InTransaction(connection));
            await projection.ApplyAsync(documents, tenantEvents.ToList(), cancellationToken);
        }

        await using var writes = new NpgsqlBatch(connection);
        changes.AddTo(writes, store.Schema, store.Options.Json);
        var advance = checkpoints.AdvanceCommand(projection.Name, from, batch[^1].Position, byRebuild);
        writes.BatchCommands.Add(advance);
        await writes.ExecuteNonQueryAsync(cancellationToken);
        if (advance.RecordsAffected != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The feed's event type names whose data the projection needs.</summary>
    public IReadOnlyCollection<string> StoredNamesFor(IProjection projection) =>
        store.Options.Events.StoredNamesReadAs(store.EventNamesReadBy(projection));
}
