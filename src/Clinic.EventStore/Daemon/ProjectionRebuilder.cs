using Clinic.EventStore.Documents;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;
using Clinic.EventStore.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Clinic.EventStore.Daemon;

/// <summary>
/// Rebuilds a projection's documents from the events alone, while the application keeps running.
/// An async projection: asks the node running it to stand aside, takes its leadership, deletes its
/// documents and replays the whole feed. An inline projection: recomputes each stream's document in
/// batches of streams held with FOR SHARE, so an append to one of them waits for its batch.
/// </summary>
public sealed class ProjectionRebuilder
{
    private const int StreamsPerBatch = 500;

    private readonly StoreContext _store;
    private readonly ProjectionCheckpoints _checkpoints;
    private readonly ProjectionApplier _applier;
    private readonly ILogger _logger;

    internal ProjectionRebuilder(StoreContext store, ILogger? logger)
    {
        _store = store;
        _checkpoints = new ProjectionCheckpoints(store);
        _applier = new ProjectionApplier(store, _checkpoints);
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task RebuildAsync(string projectionName, IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (projection, lifecycle) = _store.Options.Projections.Named(projectionName);
        _logger.LogInformation("Rebuilding projection {Projection} ({Lifecycle})", projectionName, lifecycle);
        if (lifecycle == ProjectionLifecycle.Inline)
            await RebuildByStreamAsync((IStreamProjection)projection, progress, cancellationToken);
        else
            await ReplayFeedAsync(projection, progress, cancellationToken);
    }

    private async Task ReplayFeedAsync(IProjection projection, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await _checkpoints.RequestRebuildAsync(projection.Name, requested: true, cancellationToken);
        try
        {
            await using var leadership = new ProjectionLeadership(
                _store.Options.ConnectionString, _store.Schema, projection.Name, TimeSpan.FromMinutes(5));
            await leadership.AcquireAsync(cancellationToken);
            await StartOverAsync(projection, cancellationToken);

            var total = await new EventFeed(_store).CountAfterAsync(EventPosition.Start, cancellationToken);
            var dataFor = _applier.StoredNamesFor(projection);
            var position = EventPosition.Start;
            long done = 0;
            progress?.Report(new RebuildProgress(projection.Name, "events", 0, total));
            while (true)
            {
                await leadership.ConfirmAsync(cancellationToken);
                var batch = await new EventFeed(_store).ReadAsync(position, _store.Options.Daemon.BatchSize, dataFor, projection.ReadsMetadata, cancellationToken);
                if (batch.Count == 0)
                    break;
                if (!await _applier.ApplyAsync(projection, batch, position, byRebuild: true, cancellationToken))
                    throw new InvalidOperationException($"The checkpoint of {projection.Name} moved during its rebuild.");
                position = batch[^1].Position;
                done += batch.Count;
                progress?.Report(new RebuildProgress(projection.Name, "events", done, Math.Max(done, total)));
            }
        }
        finally
        {
            await _checkpoints.RequestRebuildAsync(projection.Name, requested: false, CancellationToken.None);
        }
    }

    private async Task StartOverAsync(IProjection projection, CancellationToken cancellationToken)
    {
        await using var connection = await _store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var mapping in projection.DocumentTypes.Select(_store.Options.Documents.Of))
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"DELETE FROM {_store.Schema}.{mapping.TableName}"));
        batch.BatchCommands.Add(_checkpoints.ResetCommand(projection.Name));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RebuildByStreamAsync(IStreamProjection projection, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var total = await CountStreamsAsync(projection.StreamType, cancellationToken);
        var mapping = _store.Options.Documents.Of(projection.DocumentType);
        var handled = _store.EventNamesReadBy(projection);
        var after = Guid.Empty;
        long done = 0;
        progress?.Report(new RebuildProgress(projection.Name, "streams", 0, total));
        while (true)
        {
            await using var connection = await _store.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var streams = await LockStreamsAsync(connection, projection.StreamType, after, cancellationToken);
            if (streams.Count == 0)
                break;

            var changes = new DocumentChanges();
            var events = await StreamEventsAsync(connection, streams.Select(s => s.Id).ToArray(), cancellationToken);
            foreach (var tenantEvents in events.Where(e => handled.Contains(e.EventType)).GroupBy(e => e.TenantId))
            {
                // Pending deletes hide the current documents, so each one is folded from nothing.
                foreach (var id in tenantEvents.SelectMany(projection.DocumentIdsFor).Distinct())
                    changes.Delete(mapping, tenantEvents.Key, id);
                var documents = new TenantDocuments(tenantEvents.Key, _store, changes, Connections.InTransaction(connection));
                await projection.ApplyAsync(documents, tenantEvents.ToList(), cancellationToken);
            }
            await using var writes = new NpgsqlBatch(connection);
            changes.AddTo(writes, _store.Schema, _store.Options.Json);
            await writes.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            after = streams[^1].Id;
            done += streams.Count;
            progress?.Report(new RebuildProgress(projection.Name, "streams", done, Math.Max(done, total)));
        }
    }

    private async Task<long> CountStreamsAsync(string streamType, CancellationToken cancellationToken)
    {
        await using var connection = await _store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {_store.Schema}.streams WHERE type = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamType });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<(Guid Id, string TenantId)>> LockStreamsAsync(
        NpgsqlConnection connection, string streamType, Guid after, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT id, tenant_id FROM {_store.Schema}.streams
            WHERE type = $1 AND id > $2 ORDER BY id LIMIT $3 FOR SHARE
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamType });
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = StreamsPerBatch });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var streams = new List<(Guid, string)>();
        while (await reader.ReadAsync(cancellationToken))
            streams.Add((reader.GetGuid(0), reader.GetString(1)));
        return streams;
    }

    private async Task<IReadOnlyList<EventEnvelope>> StreamEventsAsync(NpgsqlConnection connection, Guid[] streamIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {EventRows.SelectList()} FROM {_store.Schema}.events AS e
            WHERE e.stream_id = ANY($1) ORDER BY e.stream_id, e.version
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamIds });
        return await EventRows.ReadAllAsync(command, _store, cancellationToken);
    }
}
