using Npgsql;

namespace Clinic.Benchmarks.Server;

/// <summary>The server's version and the settings that decide write and read costs, as the server reports them.</summary>
public static class ServerSettings
{
    private static readonly string[] Shown =
    [
        "fsync", "synchronous_commit", "full_page_writes", "wal_level", "wal_sync_method", "shared_buffers",
        "effective_cache_size", "work_mem", "max_wal_size", "checkpoint_timeout", "checkpoint_completion_target",
        "max_connections", "jit",
    ];

    public static async Task<IReadOnlyList<(string Name, string Value)>> ReadAsync(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT 'server_version', current_setting('server_version')
            UNION ALL
            SELECT name, current_setting(name) FROM unnest($1::text[]) AS name
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Shown });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var settings = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
            settings.Add((reader.GetString(0), reader.GetString(1)));
        return settings;
    }
}
