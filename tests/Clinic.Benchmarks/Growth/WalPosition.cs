using Npgsql;

namespace Clinic.Benchmarks.Growth;

/// <summary>
/// The server's write-ahead log position, in bytes: the difference of two positions is what every client of the server
/// wrote in between (on the benchmark's own server, the API processes it runs). Unlike a rate on these shared cores, it
/// does not depend on what else the machine runs.
/// </summary>
public static class WalPosition
{
    public static async Task<long> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
