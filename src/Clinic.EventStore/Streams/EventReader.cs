using Clinic.EventStore.Events;
using Clinic.EventStore.Sessions;
using Npgsql;

namespace Clinic.EventStore.Streams;

/// <summary>Reads one tenant's streams: whole, from a version, or as they stood at a version or a time.</summary>
public class EventReader
{
    private protected readonly StoreContext Store;
    private readonly Connections _connections;

    internal EventReader(StoreContext store, string tenantId, Connections connections)
    {
        Store = store;
        TenantId = tenantId;
        _connections = connections;
    }

    public string TenantId { get; }

    public Task<StreamState?> FetchStreamStateAsync(Guid streamId, CancellationToken cancellationToken = default) =>
        _connections.UseAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT id, type, version, tenant_id, created_at, updated_at FROM {Store.Schema}.streams WHERE id = $1 AND tenant_id = $2",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = streamId });
            command.Parameters.Add(new NpgsqlParameter { Value = TenantId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new StreamState(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5))
                : null;
        }, cancellationToken);

    /// <summary>
    /// The stream's events in version order, from <paramref name="fromVersion"/>, up to
    /// <paramref name="toVersion"/> and recorded no later than <paramref name="asOf"/> when given.
    /// </summary>
    public Task<IReadOnlyList<EventEnvelope>> FetchStreamAsync(
        Guid streamId, long fromVersion = 1, long? toVersion = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default) =>
        FetchAsync(streamId, fromVersion, toVersion, asOf, withMetadata: true, cancellationToken);

    /// <summary>
    /// Folds the stream into state with <paramref name="evolve"/>, optionally only as far as a version or a
    /// point in time. A stream with no events (yet, or at all) gives <paramref name="initial"/> at version 0.
    /// </summary>
    public async Task<StreamAggregate<TState>> AggregateStreamAsync<TState>(
        Guid streamId, TState initial, Func<TState, object, TState> evolve,
        long? toVersion = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        // The fold sees the events' data only: their metadata is neither read nor deserialized.
        var events = await FetchAsync(streamId, 1, toVersion, asOf, withMetadata: false, cancellationToken);
        var state = events.Aggregate(initial, (current, envelope) => evolve(current, envelope.Data!));
        return new StreamAggregate<TState>(state, events.Count == 0 ? 0 : events[^1].Version);
    }

    private Task<IReadOnlyList<EventEnvelope>> FetchAsync(
        Guid streamId, long fromVersion, long? toVersion, DateTimeOffset? asOf, bool withMetadata, CancellationToken cancellationToken) =>
        _connections.UseAsync(async connection =>
        {
            await using var command = new NpgsqlCommand($"""
                SELECT {EventRows.SelectList(metadataExpression: withMetadata ? "e.metadata" : "NULL")}
                FROM {Store.Schema}.events AS e
                WHERE e.stream_id = $1 AND e.tenant_id = $2 AND e.version >= $3
                  AND ($4::bigint IS NULL OR e.version <= $4) AND ($5::timestamptz IS NULL OR e.recorded_at <= $5)
                ORDER BY e.version
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = streamId });
            command.Parameters.Add(new NpgsqlParameter { Value = TenantId });
            command.Parameters.Add(new NpgsqlParameter { Value = fromVersion });
            command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = toVersion });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = asOf?.ToUniversalTime() });
            return await EventRows.ReadAllAsync(command, Store, cancellationToken);
        }, cancellationToken);
}
