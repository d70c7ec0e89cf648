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
            IReadOnlyList<EventEnvelope> pending = [.. ordered.SelectMany(a => a.PendingEnvelopes(tenantId))];
            var inline = InlineProjectionsWith(pending);
            var documents = new TenantDocuments(tenantId, store, changes, Connections.InTransaction(connection));
            var preloads = inline.Where(p => p.ExistingIds.Count > 0)
                .Select(p => (Mapping: store.Options.Documents.Of(p.Projection.DocumentType), Ids: p.ExistingIds)).ToList();
            var work = new Work(connection, statements.For(ordered).ToList(), pending, documents, inline, preloads);
            return inline.Any(p => p.Projection.UsesEventPositions)
                ? await ProjectAfterAppendingAsync(work, cancellationToken)
                : await ProjectBeforeAppendingAsync(work, cancellationToken);
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

    /// <summary>What one attempt at committing works with.</summary>
    private sealed record Work(
        NpgsqlConnection Connection, IReadOnlyList<AppendStatements.Statement> Appends, IReadOnlyList<EventEnvelope> Pending, TenantDocuments Documents,
        IReadOnlyList<InlineProjection> Inline, IReadOnlyList<(DocumentMapping Mapping, IReadOnlyList<string> Ids)> Preloads);

    private sealed record InlineProjection(IStreamProjection Projection, IReadOnlyList<string> ExistingIds, IReadOnlyList<string> NewIds);

    /// <summary>
    /// One round trip for the transaction, when no inline projection needs the events' positions: the projections
    /// run first, on the events as they will be stored, and their documents go out with the appends and the commit.
    /// The documents of streams that exist are read before (one round trip, outside the transaction): each derives
    /// from one stream, appended to at the version it was read at, so a document that changed since means a stream
    /// that moved, and the append fails.
    /// </summary>
    private async Task<IReadOnlyList<EventEnvelope>> ProjectBeforeAppendingAsync(Work work, CancellationToken cancellationToken)
    {
        if (work.Preloads.Count > 0)
            await PreloadAsync(work, cancellationToken);
        await ApplyInlineAsync(work, work.Pending, cancellationToken);
        await using var batch = new NpgsqlBatch(work.Connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        batch.BatchCommands.AddRange(work.Appends.Select(a => a.Command));
        AddWritesAndCommit(batch);
        return await ExecuteAppendsAsync(batch, work with { Preloads = [] }, cancellationToken);
    }

    /// <summary>
    /// Two round trips: the appends return the events' positions (and the documents of existing streams), the
    /// projections run on the stored events, then their documents go out with the commit.
    /// </summary>
    private async Task<IReadOnlyList<EventEnvelope>> ProjectAfterAppendingAsync(Work work, CancellationToken cancellationToken)
    {
        await using var first = new NpgsqlBatch(work.Connection);
        first.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        first.BatchCommands.AddRange(work.Appends.Select(a => a.Command));
        first.BatchCommands.AddRange(work.Preloads.Select(p => work.Documents.PreloadCommand(p.Mapping, p.Ids)));
        var committed = await ExecuteAppendsAsync(first, work, cancellationToken);
        await ApplyInlineAsync(work, committed, cancellationToken);
        await using var second = new NpgsqlBatch(work.Connection);
        AddWritesAndCommit(second);
        await second.ExecuteNonQueryAsync(cancellationToken);
        return committed;
    }

    private async Task PreloadAsync(Work work, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(work.Connection);
        batch.BatchCommands.AddRange(work.Preloads.Select(p => work.Documents.PreloadCommand(p.Mapping, p.Ids)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var (mapping, ids) in work.Preloads)
        {
            await work.Documents.ReadPreloadedAsync(reader, mapping, ids, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
        }
    }

    private async Task ApplyInlineAsync(Work work, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        foreach (var (projection, _, newIds) in work.Inline)
        {
            work.Documents.KnowAbsent(store.Options.Documents.Of(projection.DocumentType), newIds);
            await projection.ApplyAsync(work.Documents, EventsFor(projection, events), cancellationToken);
        }
    }

    /// <summary>
    /// The inline projections these events concern, with the documents they will touch: those of streams that
    /// exist already, to read, and those of new streams, which cannot exist yet (an inline document derives from
    /// one stream).
    /// </summary>
    private List<InlineProjection> InlineProjectionsWith(IReadOnlyList<EventEnvelope> pending)
    {
        var started = appends.Where(a => a.Expected.IsNew).Select(a => a.StreamId).ToHashSet();
        return store.Options.Projections.Inline
            .Select(projection =>
            {
                var concerned = EventsFor(projection, pending);
                var existing = concerned.Where(e => !started.Contains(e.StreamId)).SelectMany(projection.DocumentIdsFor).Distinct().ToList();
                var fresh = concerned.Where(e => started.Contains(e.StreamId)).SelectMany(projection.DocumentIdsFor).Distinct().Except(existing).ToList();
                return new InlineProjection(projection, existing, fresh);
            })
            .Where(p => p.ExistingIds.Count + p.NewIds.Count > 0)
            .ToList();
    }

    private IReadOnlyList<EventEnvelope> EventsFor(IProjection projection, IReadOnlyList<EventEnvelope> committed)
    {
        var names = store.EventNamesReadBy(projection);
        return committed.Where(e => names.Contains(e.EventType)).ToList();
    }

    private void AddWritesAndCommit(NpgsqlBatch batch)
    {
        changes.AddTo(batch, store.Schema, store.Options.Json);
        foreach (var participant in participants)
            batch.BatchCommands.AddRange(participant.Commands(tenantId));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
    }

    private async Task<IReadOnlyList<EventEnvelope>> ExecuteAppendsAsync(NpgsqlBatch batch, Work work, CancellationToken cancellationToken)
    {
        var pending = work.Pending.ToDictionary(e => e.Id);
        var committed = new List<EventEnvelope>(pending.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var statement in work.Appends.Where(s => s.Result != AppendStatements.Result.NoRows))
        {
            while (statement.Result == AppendStatements.Result.Positions && await reader.ReadAsync(cancellationToken))
            {
                committed.Add(pending[reader.GetGuid(0)] with
                {
                    Sequence = reader.GetInt64(1),
                    Timestamp = reader.GetFieldValue<DateTimeOffset>(2),
                    TransactionId = reader.GetFieldValue<ulong>(3),
                });
            }
            await reader.NextResultAsync(cancellationToken);
        }
        foreach (var preload in work.Preloads)
        {
            await work.Documents.ReadPreloadedAsync(reader, preload.Mapping, preload.Ids, cancellationToken);
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
