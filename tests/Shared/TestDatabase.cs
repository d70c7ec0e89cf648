using System.Diagnostics;
using Clinic.LocalCluster;

namespace Clinic.Testing;

/// <summary>
/// The PostgreSQL server the tests of this process use: the one <c>CLINIC_TEST_DB</c> names, or a
/// throwaway cluster started on first use and removed when the process exits. Tests isolate
/// themselves in schemas of their own.
/// </summary>
public static class TestDatabase
{
    private const string FolderPrefix = "clinic-tests-";

    /// <summary>A younger folder without a server may belong to a run starting in parallel (initdb takes a while).</summary>
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromMinutes(10);

    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => Server.Value;

    /// <summary>How the schema of every test host starts.</summary>
    public const string SchemaPrefix = "t_";

    public static string UniqueSchema() => SchemaPrefix + Guid.NewGuid().ToString("N")[..20];

    private static async Task<string> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("CLINIC_TEST_DB");
        if (!string.IsNullOrWhiteSpace(given))
            return given;

        RemoveLeftoversOfEarlierRuns();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        var cluster = await PostgresCluster.StartAsync(folder, new Dictionary<string, string>
        {
            // A throwaway cluster need not survive a crash; these make it fast.
            ["fsync"] = "off",
            ["synchronous_commit"] = "off",
            ["full_page_writes"] = "off",
            ["max_connections"] = "300",
            ["max_prepared_transactions"] = "10", // tests of what a prepared transaction holds back
        });
        RemoveWhenThisProcessEnds(cluster.DataDirectory);
        return cluster.ConnectionString();
    }

    /// <summary>
    /// The test runner kills its test process moments after the last test, before an exit handler could
    /// stop the server and remove the folder. A detached watcher does it once this process has gone: a
    /// fast shutdown of the server (SIGINT to the postmaster), then the folder, even if the stop failed.
    /// </summary>
    private static void RemoveWhenThisProcessEnds(string folder)
    {
        const string watcher = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1"; do sleep 1; done
            postmaster=$(head -n 1 "$2/postmaster.pid")
            if [ -n "$postmaster" ] && kill -INT "$postmaster"; then
              for _ in $(seq 300); do kill -0 "$postmaster" || break; sleep 0.1; done
            fi
            rm -rf "$2"
            """;
        var start = new ProcessStartInfo("setsid", ["-f", "sh", "-c", watcher, "sh", Environment.ProcessId.ToString(), folder])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var detached = Process.Start(start);
    }

    /// <summary>Folders of earlier runs that were killed before they could clean up, and whose server no longer runs.</summary>
    private static void RemoveLeftoversOfEarlierRuns()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > LeftoverAge && !ServerRunsIn(folder))
                TryDelete(folder);
        }
    }

    /// <summary>Whether the process named in the folder's postmaster.pid (removed by a clean shutdown) is alive.</summary>
    private static bool ServerRunsIn(string folder)
    {
        try
        {
            var pidFile = Path.Combine(folder, "postmaster.pid");
            return File.Exists(pidFile)
                && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
                && Directory.Exists($"/proc/{pid}");
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return true; // not ours to judge (another user's run): leave it
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception undeletable) when (undeletable is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not remove the test cluster folder {folder}: {undeletable.Message}");
        }
    }
}
