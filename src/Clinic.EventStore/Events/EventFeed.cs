using Npgsql;
using NpgsqlTypes;

namespace Clinic.EventStore.Events;

/// <summary>
/// All tenants' events in commit order, for projections. It only reads events of transactions older
/// than every transaction still running (<c>pg_snapshot_xmin</c>): a transaction that commits late,
/// or rolls back and leaves a gap in the sequence, can never slip in behind a reader's position.
/// </summary>
public sealed class EventFeed
{
    private readonly StoreContext _store;

    internal EventFeed(StoreContext store) => _store = store;

    /// <param name="withDataFor">Event type names whose data to read; others come with null data. Null reads all data.</param>
    /// <param name="withMetadata">False: the events come with <see cref="EventMetadata.None"/>, and their metadata is not read.</param>
    public async Task<IReadOnlyList<EventEnvelope>> ReadAsync(
        EventPosition after, int limit, IReadOnlyCollection<string>? withDataFor = null, bool withMetadata = true, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.DataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, after, limit, withDataFor, withMetadata, cancellationToken);
    }

    internal async Task<IReadOnlyList<EventEnvelope>> ReadAsync(
        NpgsqlConnection connection, EventPosition after, int limit, IReadOnlyCollection<string>? withDataFor, bool withMetadata,
        CancellationToken cancellationToken)
    {
        var data = withDataFor is null ? "e.data" : "CASE WHEN e.type = ANY($4) THEN e.data END";
        await using var command = new NpgsqlCommand($"""
            SELECT {EventRows.SelectList(data, withMetadata ? "e.metadata" : "NULL")}
            FROM {_store.Schema}.events AS e
            WHERE (e.tx_id, e.seq_id) > ($1, $2) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY e.tx_id, e.seq_id
            LIMIT $3
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        if (withDataFor is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = withDataFor.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return await EventRows.ReadAllAsync(command, _store, cancellationToken);
    }

    /// <summary>
    /// The position of the newest committed event visible now, held back or not: once a projection's
    /// checkpoint reaches it, the projection has applied every event committed before this call.
    /// </summary>
    public async Task<EventPosition> HighWaterMarkAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT e.tx_id, e.seq_id FROM {_store.Schema}.events AS e ORDER BY e.tx_id DESC, e.seq_id DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new EventPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1))
            : EventPosition.Start;
    }

    /// <summary>How many committed events come after <paramref name="after"/>, including those held back (<see cref="HoldBackAsync"/>).</summary>
    public async Task<long> CountAfterAsync(EventPosition after, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM {_store.Schema}.events AS e WHERE (e.tx_id, e.seq_id) > ($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Sequence });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The committed events the feed holds back now, and the oldest open transaction of the cluster
    /// (whatever its state, prepared ones included) that holds them: the one to end.
    /// </summary>
    public async Task<FeedHoldBack> HoldBackAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM {_store.Schema}.events AS e WHERE e.tx_id >= pg_snapshot_xmin(pg_current_snapshot())),
                   h.pid, h.xid, h.state, h.database, h.open_for
            FROM (SELECT) AS this_call
            LEFT JOIN LATERAL (
                SELECT * FROM (
                    SELECT a.pid, a.backend_xid AS xid, a.state, a.datname::text AS database, now() - a.xact_start AS open_for
                    FROM pg_stat_activity AS a WHERE a.backend_xid IS NOT NULL AND a.pid <> pg_backend_pid()
                    UNION ALL
                    SELECT NULL, p.transaction, 'prepared', p.database::text, now() - p.prepared FROM pg_prepared_xacts AS p
                ) AS open_transactions
                ORDER BY age(xid) DESC LIMIT 1) AS h ON true
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var events = reader.GetInt64(0);
        if (events == 0)
            return FeedHoldBack.None;
        var holder = reader.IsDBNull(2) ? null : new HoldingTransaction(
            reader.IsDBNull(1) ? null : reader.GetInt32(1),
            reader.GetFieldValue<uint>(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? TimeSpan.Zero : reader.GetTimeSpan(5));
        return new FeedHoldBack(events, holder);
    }
}
