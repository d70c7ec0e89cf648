using System.Security.Cryptography;
using System.Text;
using Clinic.LocalCluster;

namespace Clinic.Api.Database;

/// <summary>
/// The PostgreSQL server the API uses: the one <c>ConnectionStrings:Clinic</c> names, or else a
/// private cluster in <c>Clinic:DataDirectory</c>, kept between runs. A process that starts that cluster
/// stops it on shutdown; one that finds it already started by a running process (a CLI verb while
/// the API serves) leaves it running.
/// </summary>
public sealed class ClinicDatabase : IAsyncDisposable
{
    /// <summary>As in deploy/postgres/postgresql.conf: a forgotten open transaction would hold back every async projection.</summary>
    private static readonly Dictionary<string, string> EmbeddedSettings = new() { ["idle_in_transaction_session_timeout"] = "60s" };

    /// <summary>Where clusters live whose data folder the server's account cannot reach, one folder for each.</summary>
    private const string ReachableRoot = "/var/lib/clinic";

    private ClinicDatabase(string connectionString, PostgresCluster? embedded)
    {
        ConnectionString = connectionString;
        Embedded = embedded;
    }

    public string ConnectionString { get; }

    /// <summary>The embedded cluster, when no connection string is configured.</summary>
    public PostgresCluster? Embedded { get; }

    public bool IsEmbedded => Embedded is not null;

    public static async Task<ClinicDatabase> OpenAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        var configured = configuration.GetConnectionString("Clinic");
        if (!string.IsNullOrWhiteSpace(configured))
            return new ClinicDatabase(configured, null);

        var wanted = Path.GetFullPath(configuration["Clinic:DataDirectory"] ?? DefaultDataDirectory(AppContext.BaseDirectory));
        var folder = await ReachableFolderAsync(wanted, logger, cancellationToken);
        logger.LogInformation("No connection string configured: using the embedded PostgreSQL cluster in {Folder}", folder);
        var cluster = await PostgresCluster.StartAsync(folder, EmbeddedSettings, cancellationToken);
        return new ClinicDatabase(cluster.ConnectionString(), cluster);
    }

    /// <summary>
    /// <c>.clinic-data/postgres</c> in the API project's folder when the API runs from a build of a checkout
    /// (<c>bin/&lt;configuration&gt;/&lt;framework&gt;</c> below it), else in the folder of its binaries (a published
    /// image): the same folder whichever way it was started (<c>dotnet run</c>, <c>dotnet Clinic.Api.dll</c>, a CLI
    /// verb) and from whatever working folder.
    /// </summary>
    internal static string DefaultDataDirectory(string binaries)
    {
        var project = typeof(ClinicDatabase).Assembly.GetName().Name + ".csproj";
        var folder = new DirectoryInfo(binaries);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, project)))
            folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? binaries, ".clinic-data", "postgres");
    }

    /// <summary>
    /// <paramref name="wanted"/> if the server can reach it; else (run as root from a folder the <c>postgres</c> account
    /// cannot search) a folder of its own under /var/lib/clinic, the same one every time for <paramref name="wanted"/>,
    /// rather than opening up the permissions of the user's folders. A folder that already holds a cluster stays where
    /// it is: starting it then says what to change.
    /// </summary>
    private static async Task<string> ReachableFolderAsync(string wanted, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(wanted, "PG_VERSION")) || await PostgresCluster.IsReachableByServerAsync(wanted, cancellationToken))
            return wanted;
        var instead = ReachableDataDirectory(wanted);
        var home = Path.GetDirectoryName(instead)!;
        Directory.CreateDirectory(home);
        await File.WriteAllTextAsync(Path.Combine(home, "origin"), wanted + "\n", cancellationToken);
        logger.LogWarning(
            "The postgres account cannot reach {Wanted} (a folder above it is not searchable by that account): the embedded cluster is kept in {Folder} instead",
            wanted, instead);
        return instead;
    }

    /// <summary>/var/lib/clinic/&lt;first 16 hex digits of the SHA-256 of the wanted folder's path&gt;/postgres.</summary>
    internal static string ReachableDataDirectory(string wanted) =>
        Path.Combine(ReachableRoot, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wanted)))[..16], "postgres");

    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null)
            await Embedded.DisposeAsync();
    }
}
