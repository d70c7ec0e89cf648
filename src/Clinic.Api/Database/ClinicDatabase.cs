using Clinic.EventStore.LocalCluster;

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

    private ClinicDatabase(string connectionString, PostgresCluster? embedded)
    {
        ConnectionString = connectionString;
        Embedded = embedded;
    }

    public string ConnectionString { get; }

    /// <summary>The embedded cluster, when no connection string is configured.</summary>
    public PostgresCluster? Embedded { get; }

    public bool IsEmbedded => Embedded is not null;

    public static async Task<ClinicDatabase> OpenAsync(IConfiguration configuration, string contentRoot, ILogger logger, CancellationToken cancellationToken = default)
    {
        var configured = configuration.GetConnectionString("Clinic");
        if (!string.IsNullOrWhiteSpace(configured))
            return new ClinicDatabase(configured, null);

        var folder = Path.GetFullPath(configuration["Clinic:DataDirectory"] ?? Path.Combine(contentRoot, ".clinic-data", "postgres"));
        logger.LogInformation("No connection string configured: using the embedded PostgreSQL cluster in {Folder}", folder);
        var cluster = await PostgresCluster.StartAsync(folder, EmbeddedSettings, cancellationToken);
        return new ClinicDatabase(cluster.ConnectionString(), cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null)
            await Embedded.DisposeAsync();
    }
}
