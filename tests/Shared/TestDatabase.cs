using Clinic.EventStore.LocalCluster;

namespace Clinic.Testing;

/// <summary>
/// The PostgreSQL server the tests of this process use: the one <c>CLINIC_TEST_DB</c> names, or a
/// throwaway cluster started on first use and removed when the process exits. Tests isolate
/// themselves in schemas of their own.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => Server.Value;

    public static string UniqueSchema() => "t_" + Guid.NewGuid().ToString("N")[..20];

    private static async Task<string> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("CLINIC_TEST_DB");
        if (!string.IsNullOrWhiteSpace(given))
            return given;

        var folder = Path.Combine(Path.GetTempPath(), "clinic-tests-" + Guid.NewGuid().ToString("N")[..12]);
        var cluster = await PostgresCluster.StartAsync(folder, new Dictionary<string, string>
        {
            // A throwaway cluster need not survive a crash; these make it fast.
            ["fsync"] = "off",
            ["synchronous_commit"] = "off",
            ["full_page_writes"] = "off",
            ["max_connections"] = "300",
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };
        return cluster.ConnectionString();
    }
}
