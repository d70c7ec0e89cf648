using Clinic.LocalCluster;

namespace Clinic.Benchmarks.Server;

/// <summary>
/// The PostgreSQL server the benchmark runs on: the one <c>CLINIC_BENCH_DB</c> names, or a throwaway
/// cluster in a temp folder, stopped and deleted on dispose.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    public const string ConnectionVariable = "CLINIC_BENCH_DB";

    /// <summary>
    /// The throwaway cluster's settings: those of deploy/postgres/postgresql.conf that matter here, so
    /// durability is realistic (every commit waits for its WAL flush).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ClusterSettings = new Dictionary<string, string>
    {
        ["fsync"] = "on",
        ["synchronous_commit"] = "on",
        ["full_page_writes"] = "on",
        ["wal_level"] = "replica",
        ["shared_buffers"] = "1GB",
        ["effective_cache_size"] = "3GB",
        ["work_mem"] = "16MB",
        ["maintenance_work_mem"] = "256MB",
        ["max_wal_size"] = "2GB",
        ["checkpoint_completion_target"] = "0.9",
        ["max_connections"] = "200",
    };

    private readonly PostgresCluster? _cluster;
    private readonly string? _folder;

    private BenchServer(string connectionString, PostgresCluster? cluster, string? folder)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
        _folder = folder;
    }

    public string ConnectionString { get; }

    /// <summary>Where the server came from, for the report.</summary>
    public string Origin => _cluster is null ? $"{ConnectionVariable} (settings as found)" : $"throwaway cluster in {_folder}";

    public static async Task<BenchServer> StartAsync(CancellationToken cancellationToken)
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(given))
            return new BenchServer(given, null, null);

        var folder = Path.Combine(Path.GetTempPath(), "clinic-bench-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var cluster = await PostgresCluster.StartAsync(folder, ClusterSettings, cancellationToken);
            return new BenchServer(cluster.ConnectionString(), cluster, folder);
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is null)
            return;
        await _cluster.StopAsync();
        DeleteFolder(_folder!);
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
