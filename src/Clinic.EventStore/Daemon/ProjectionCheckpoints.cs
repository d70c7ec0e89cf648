using Clinic.EventStore.Events;
using Npgsql;
using NpgsqlTypes;

namespace Clinic.EventStore.Daemon;

/// <summary>
/// The projection_progress table. A checkpoint only moves from the position its writer read, in the
/// same transaction as the documents it covers, so no event is applied twice even by two writers.
/// </summary>
internal sealed class ProjectionCheckpoints(StoreContext store)
{
    public async Task<ProjectionCheckpoint> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {store.Schema}.projection_progress (name) VALUES ($1) ON CONFLICT (name) DO NOTHING
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await ReadAllAsync(connection, name, cancellationToken)).Single();
    }

    public async Task<IReadOnlyList<ProjectionCheckpoint>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAllAsync(connection, null, cancellationToken);
    }

    /// <summary>Moves the checkpoint from <paramref name="from"/> to <paramref name="to"/>; affects no row if it moved meanwhile or a rebuild asked to stop.</summary>
    public NpgsqlBatchCommand AdvanceCommand(string name, EventPosition from, EventPosition to, bool byRebuild)
    {
        var command = new NpgsqlBatchCommand($"""
            UPDATE {store.Schema}.projection_progress
            SET last_tx_id = $2, last_seq_id = $3, updated_at = now()
            WHERE name = $1 AND last_tx_id = $4 AND last_seq_id = $5 AND (rebuild_requested_at IS NULL OR $6)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(Xid(to.TransactionId));
        command.Parameters.Add(new NpgsqlParameter { Value = to.Sequence });
        command.Parameters.Add(Xid(from.TransactionId));
        command.Parameters.Add(new NpgsqlParameter { Value = from.Sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = byRebuild });
        return command;
    }

    public NpgsqlBatchCommand ResetCommand(string name)
    {
        var command = new NpgsqlBatchCommand(
            $"UPDATE {store.Schema}.projection_progress SET last_tx_id = '0', last_seq_id = 0, updated_at = now() WHERE name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return command;
    }

    /// <summary>Asks (or stops asking) the node running the projection to stand aside for a rebuild.</summary>
    public async Task RequestRebuildAsync(string name, bool requested, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {store.Schema}.projection_progress (name, rebuild_requested_at) VALUES ($1, CASE WHEN $2 THEN now() END)
            ON CONFLICT (name) DO UPDATE SET rebuild_requested_at = excluded.rebuild_requested_at
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = requested });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ProjectionCheckpoint>> ReadAllAsync(NpgsqlConnection connection, string? name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT name, last_tx_id, last_seq_id, rebuild_requested_at, updated_at
            FROM {store.Schema}.projection_progress WHERE $1::text IS NULL OR name = $1 ORDER BY name
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = name, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var checkpoints = new List<ProjectionCheckpoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            checkpoints.Add(new ProjectionCheckpoint(
                reader.GetString(0),
                new EventPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return checkpoints;
    }

    private static NpgsqlParameter Xid(ulong transactionId) => new() { Value = transactionId, NpgsqlDbType = NpgsqlDbType.Xid8 };
}
