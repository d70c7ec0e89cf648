using System.Text.Json;
using Clinic.EventStore.Documents;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;
using Clinic.EventStore.Streams;
using Npgsql;
using NpgsqlTypes;

namespace Clinic.EventStore.Sessions;

/// <summary>
/// Commits one session's appends, documents and participants' writes in one transaction, in as few
/// round trips as possible: one when no inline projection is involved, two when one is (the append's
/// results and the projected documents' current state come back, the projected documents go out with
/// the commit).
/// </summary>
internal sealed class UnitOfWork(
    StoreContext store, string tenantId, IReadOnlyList<PendingAppend> appends, DocumentChanges changes,
    IReadOnlyList<IUnitOfWorkParticipant> participants)
{
    private const int AnyVersionAttempts = 20;

    public async Task<IReadOnlyList<EventEnvelope>> CommitAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var resolvedAny = await ResolveAnyVersionsAsync(cancellationToken);
            try
            {
                var committed = await CommitOnceAsync(cancellationToken);
                if (committed.Count > 0)
                    store.NotifyEventsCommitted();
                return committed;
            }
            catch (ConcurrencyException conflict) when (resolvedAny.Contains(conflict.StreamId) && attempt < AnyVersionAttempts)
            {
                RestoreAny(resolvedAny);
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Reads the current version of streams appended with "any" before the transaction starts, so every
    /// append in it is checked against a version read earlier. That keeps a stream's events in version
    /// order in the commit order the daemon reads (see <see cref="EventPosition"/>).
    /// </summary>
    private async Task<HashSet<Guid>> ResolveAnyVersionsAsync(CancellationToken cancellationToken)
    {
        var anyStreams = appends.Where(a => a.Expected.IsAny).ToDictionary(a => a.StreamId);
        if (anyStreams.Count == 0)
            return [];
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT id, version FROM {store.Schema}.streams WHERE id = ANY($1) AND tenant_id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = anyStreams.Keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        foreach (var append in anyStreams.Values)
            append.Expected = ExpectedVersion.New;
        while (await reader.ReadAsync(cancellationToken))
            anyStreams[reader.GetGuid(0)].Expected = ExpectedVersion.Exactly(reader.GetInt64(1));
        return anyStreams.Keys.ToHashSet();
    }

    private void RestoreAny(HashSet<Guid> streams)
    {
        foreach (var append in appends.Where(a => streams.Contains(a.StreamId)))
            append.Expected = ExpectedVersion.Any;
    }

    private async Task<IReadOnlyList<EventEnvelope>> CommitOnceAsync(CancellationToken cancellationToken)
    {
        var ordered = appends.OrderBy(a => a.StreamId).ToList();
        var statements = new AppendStatements(store.Schema, tenantId, store.Options.Json);
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var inline = InlineProjectionsWithEvents();
            var documents = new TenantDocuments(tenantId, store, changes, Connections.InTransaction(connection));
            var appendStatements = statements.For(ordered).ToList();

            await using var first = new NpgsqlBatch(connection);
            first.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            first.BatchCommands.AddRange(appendStatements.Select(a => a.Command));
            var preloads = inline.Where(p => p.ExistingIds.Count > 0)
                .Select(p => (Mapping: store.Options.Documents.Of(p.Projection.DocumentType), Ids: p.ExistingIds)).ToList();
            first.BatchCommands.AddRange(preloads.Select(p => documents.PreloadCommand(p.Mapping, p.Ids)));
            if (inline.Count == 0)
                AddWritesAndCommit(first);

            var committed = await ExecuteAppendsAsync(first, appendStatements, documents, preloads, cancellationToken);
            if (inline.Count > 0)
            {
                foreach (var (projection, _, newIds) in inline)
                {
                    documents.KnowAbsent(store.Options.Documents.Of(projection.DocumentType), newIds);
                    await projection.ApplyAsync(documents, EventsFor(projection, committed), cancellationToken);
                }
                await using var second = new NpgsqlBatch(connection);
                AddWritesAndCommit(second);
                await second.ExecuteNonQueryAsync(cancellationToken);
            }
            return committed;
        }
        catch (PostgresException error) when (statements.IsVersionConflict(error))
        {
            await RollbackAsync(connection);
            throw await statements.DiagnoseAsync(store.DataSource, ordered, cancellationToken);
        }
        catch
        {
            await RollbackAsync(connection);
            throw;
        }
    }

    /// <summary>
    /// The inline projections this unit of work's events concern, with the documents they will touch: those of
    /// streams that exist already, to read with the append, and those of new streams, which cannot exist yet
    /// (an inline document derives from one stream).
    /// </summary>
    private List<(IStreamProjection Projection, IReadOnlyList<string> ExistingIds, IReadOnlyList<string> NewIds)> InlineProjectionsWithEvents()
    {
        var pending = appends.SelectMany(a => a.Events.Select(e => (Append: a, Envelope: PendingEnvelope(a, e)))).ToList();
        return store.Options.Projections.Inline
            .Select(projection =>
            {
                var names = store.Options.Events.NamesOf(projection.EventTypes).ToHashSet();
                var concerned = pending.Where(e => names.Contains(e.Envelope.EventType)).ToList();
                var existing = concerned.Where(e => !e.Append.Expected.IsNew).SelectMany(e => projection.DocumentIdsFor(e.Envelope)).Distinct().ToList();
                var started = concerned.Where(e => e.Append.Expected.IsNew).SelectMany(e => projection.DocumentIdsFor(e.Envelope)).Distinct().Except(existing).ToList();
                return (Projection: projection, ExistingIds: (IReadOnlyList<string>)existing, NewIds: (IReadOnlyList<string>)started);
            })
            .Where(p => p.ExistingIds.Count + p.NewIds.Count > 0)
            .ToList();
    }

    /// <summary>An event before it is stored, for asking a projection which documents it touches.</summary>
    private EventEnvelope PendingEnvelope(PendingAppend append, (Guid Id, string Type, object Data) @event) =>
        new(@event.Id, 0, append.StreamId, 0, @event.Type, @event.Data, append.Metadata, tenantId, default, 0);

    private IReadOnlyList<EventEnvelope> EventsFor(IProjection projection, IReadOnlyList<EventEnvelope> committed)
    {
        var names = store.Options.Events.NamesOf(projection.EventTypes).ToHashSet();
        return committed.Where(e => names.Contains(e.EventType)).ToList();
    }

    private void AddWritesAndCommit(NpgsqlBatch batch)
    {
        changes.AddTo(batch, store.Schema, store.Options.Json);
        foreach (var participant in participants)
            batch.BatchCommands.AddRange(participant.Commands(tenantId));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
    }

    private async Task<IReadOnlyList<EventEnvelope>> ExecuteAppendsAsync(
        NpgsqlBatch batch, IReadOnlyList<AppendStatements.Statement> statements, TenantDocuments documents,
        IReadOnlyList<(DocumentMapping Mapping, IReadOnlyList<string> Ids)> preloads, CancellationToken cancellationToken)
    {
        var pending = appends.SelectMany(a => a.Events.Select((e, i) => (a, e, Version: a.Expected.KnownVersion + i + 1))).ToDictionary(p => p.e.Id);
        var committed = new List<EventEnvelope>(pending.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var statement in statements.Where(s => s.Result != AppendStatements.Result.NoRows))
        {
            while (statement.Result == AppendStatements.Result.Positions && await reader.ReadAsync(cancellationToken))
            {
                var (append, (id, type, data), version) = pending[reader.GetGuid(0)];
                committed.Add(new EventEnvelope(id, reader.GetInt64(1), append.StreamId, version, type, data, append.Metadata, tenantId,
                    reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<ulong>(3)));
            }
            await reader.NextResultAsync(cancellationToken);
        }
        foreach (var preload in preloads)
        {
            await documents.ReadPreloadedAsync(reader, preload.Mapping, preload.Ids, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
        }
        while (await reader.NextResultAsync(cancellationToken))
        {
            // Drain the remaining statements so that an error in any of them surfaces here.
        }
        committed.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return committed;
    }

    private static async Task RollbackAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            return;
        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server has ended the transaction with it.
        }
    }
}
