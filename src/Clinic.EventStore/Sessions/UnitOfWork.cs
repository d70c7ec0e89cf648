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
    private const string ConcurrencySqlState = "ES409";
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
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var inline = InlineProjectionsWithEvents();
            var documents = new TenantDocuments(tenantId, store, changes, Connections.InTransaction(connection));
            var ordered = appends.OrderBy(a => a.StreamId).ToList();

            await using var first = new NpgsqlBatch(connection);
            first.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            first.BatchCommands.AddRange(ordered.Select(AppendCommand));
            var preloads = inline.Select(p => (p.Projection, Mapping: store.Options.Documents.Of(p.Projection.DocumentType), Ids: p.DocumentIds)).ToList();
            first.BatchCommands.AddRange(preloads.Select(p => documents.PreloadCommand(p.Mapping, p.Ids)));
            if (inline.Count == 0)
                AddWritesAndCommit(first);

            var committed = await ExecuteAppendsAsync(first, ordered, documents, preloads, cancellationToken);
            if (inline.Count > 0)
            {
                foreach (var (projection, _) in inline)
                    await projection.ApplyAsync(documents, EventsFor(projection, committed), cancellationToken);
                await using var second = new NpgsqlBatch(connection);
                AddWritesAndCommit(second);
                await second.ExecuteNonQueryAsync(cancellationToken);
            }
            return committed;
        }
        catch (PostgresException error) when (error.SqlState == ConcurrencySqlState)
        {
            await RollbackAsync(connection);
            throw ConcurrencyFailure(error);
        }
        catch
        {
            await RollbackAsync(connection);
            throw;
        }
    }

    /// <summary>The inline projections this unit of work's events concern, with the documents they will touch.</summary>
    private List<(IStreamProjection Projection, IReadOnlyList<string> DocumentIds)> InlineProjectionsWithEvents()
    {
        var pending = appends.SelectMany(a => a.Events.Select(e => PendingEnvelope(a, e))).ToList();
        return store.Options.Projections.Inline
            .Select(projection =>
            {
                var names = store.Options.Events.NamesOf(projection.EventTypes).ToHashSet();
                var ids = pending.Where(e => names.Contains(e.EventType)).SelectMany(projection.DocumentIdsFor).Distinct().ToList();
                return (Projection: projection, DocumentIds: (IReadOnlyList<string>)ids);
            })
            .Where(p => p.DocumentIds.Count > 0)
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

    private NpgsqlBatchCommand AppendCommand(PendingAppend append)
    {
        var json = store.Options.Json;
        var metadata = JsonSerializer.Serialize(append.Metadata, json);
        var command = new NpgsqlBatchCommand($"SELECT id, seq_id, version, recorded_at, tx_id FROM {store.Schema}.append_to_stream($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.Add(new NpgsqlParameter { Value = append.StreamId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)append.StreamType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = append.Expected.IsNew ? -1L : append.Expected.KnownVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = append.Events.Select(e => e.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = append.Events.Select(e => e.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = append.Events.Select(e => JsonSerializer.Serialize(e.Data, e.Data.GetType(), json)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = Enumerable.Repeat(metadata, append.Events.Count).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        return command;
    }

    private async Task<IReadOnlyList<EventEnvelope>> ExecuteAppendsAsync(
        NpgsqlBatch batch, IReadOnlyList<PendingAppend> ordered, TenantDocuments documents,
        IReadOnlyList<(IStreamProjection Projection, DocumentMapping Mapping, IReadOnlyList<string> Ids)> preloads,
        CancellationToken cancellationToken)
    {
        var committed = new List<EventEnvelope>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var append in ordered)
        {
            await ReadAppendedAsync(reader, append, committed, cancellationToken);
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
        return committed;
    }

    private async Task ReadAppendedAsync(NpgsqlDataReader reader, PendingAppend append, List<EventEnvelope> committed, CancellationToken cancellationToken)
    {
        var byId = append.Events.ToDictionary(e => e.Id);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, type, data) = byId[reader.GetGuid(0)];
            committed.Add(new EventEnvelope(
                Id: id,
                Sequence: reader.GetInt64(1),
                StreamId: append.StreamId,
                Version: reader.GetInt64(2),
                EventType: type,
                Data: data,
                Metadata: append.Metadata,
                TenantId: tenantId,
                Timestamp: reader.GetFieldValue<DateTimeOffset>(3),
                TransactionId: reader.GetFieldValue<ulong>(4)));
        }
    }

    /// <summary>append_to_stream's messages start "stream {id} ...".</summary>
    private ConcurrencyException ConcurrencyFailure(PostgresException error)
    {
        var streamId = Guid.Parse(error.MessageText.Split(' ')[1]);
        var failed = appends.Single(a => a.StreamId == streamId);
        return new ConcurrencyException(streamId, failed.Expected.ToString(), error.MessageText);
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
