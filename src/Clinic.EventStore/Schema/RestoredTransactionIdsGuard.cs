using Npgsql;

namespace Clinic.EventStore.Schema;

/// <summary>
/// Refuses events whose transaction ids this server has not handed out yet. That happens after a logical
/// restore (pg_dump, then pg_restore or psql) into another server: the ids come from the old server, the
/// new one hands out smaller ones, so new events would sort before the restored events and behind every
/// projection's checkpoint, and never be applied.
/// </summary>
internal static class RestoredTransactionIdsGuard
{
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // xmax: the first transaction id not handed out yet; every committed event's id is below it.
        await using var command = new NpgsqlCommand(
            $"SELECT max(tx_id)::text, pg_snapshot_xmax(pg_current_snapshot())::text FROM {schema}.events", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.IsDBNull(0))
            return;
        var newest = ulong.Parse(reader.GetString(0));
        var next = ulong.Parse(reader.GetString(1));
        if (newest >= next)
            throw new InvalidOperationException(
                $"The events in schema {schema} carry transaction ids up to {newest}, but this PostgreSQL server has not handed out {next} yet: " +
                "they were restored from a logical dump (pg_dump) of another server. New events would sort before them, and async projections " +
                "would never apply them. Restore a physical backup (pg_basebackup and WAL) instead, or move this server's transaction ids " +
                "past them as docs/operations.md describes (Backups: after a logical restore).");
    }
}
