using Clinic.EventStore.Daemon;
using Clinic.EventStore.Documents;
using Clinic.EventStore.Events;
using Clinic.EventStore.Schema;
using Clinic.EventStore.Sessions;
using Npgsql;

namespace Clinic.EventStore;

/// <summary>
/// The event store and document database on one PostgreSQL schema. Thread-safe; make one per
/// application and open a session per unit of work.
/// </summary>
public sealed class DocumentStore : IAsyncDisposable
{
    private readonly StoreContext _store;

    public DocumentStore(StoreOptions options)
    {
        var dataSource = new NpgsqlDataSourceBuilder(WithPreparedStatements(options.ConnectionString)).Build();
        _store = new StoreContext(options, dataSource);
        Feed = new EventFeed(_store);
    }

    public StoreOptions Options => _store.Options;
    public string Schema => _store.Schema;

    /// <summary>The store's connection pool, for components that keep their own tables in the same database.</summary>
    public NpgsqlDataSource DataSource => _store.DataSource;

    /// <summary>All tenants' events in safe commit order.</summary>
    public EventFeed Feed { get; }

    /// <summary>
    /// Creates or upgrades the schema (idempotent; safe when several nodes start together). Refuses events
    /// restored from a logical dump of another server, whose transaction ids would break the feed's order.
    /// </summary>
    public async Task<IReadOnlyList<int>> ApplySchemaAsync(CancellationToken cancellationToken = default)
    {
        var applied = await SchemaMigrator.ApplyAsync(_store.DataSource, Schema, "schema_migrations", Migrations.All,
            Options.Documents.All.Select(mapping => DocumentTables.CreateOrUpdate(mapping, Schema)), cancellationToken);
        await RestoredTransactionIdsGuard.EnsureAsync(_store.DataSource, Schema, cancellationToken);
        return applied;
    }

    public DocumentSession OpenSession(string tenantId, EventMetadata? metadata = null) =>
        new(_store, CheckedTenant(tenantId), metadata ?? EventMetadata.None);

    public QuerySession QuerySession(string tenantId) => new(_store, CheckedTenant(tenantId));

    public ProjectionDaemon CreateDaemon(Microsoft.Extensions.Logging.ILogger? logger = null) => new(_store, logger);

    /// <summary>Where each async projection stands, whichever node runs it.</summary>
    public Task<IReadOnlyList<ProjectionCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken = default) =>
        new ProjectionCheckpoints(_store).ReadAllAsync(cancellationToken);

    public ProjectionRebuilder Rebuilder(Microsoft.Extensions.Logging.ILogger? logger = null) => new(_store, logger);

    public ValueTask DisposeAsync() => _store.DataSource.DisposeAsync();

    /// <summary>
    /// Prepares statements the store runs repeatedly, unless the connection string says otherwise. Besides
    /// saving planning, it spares every pooled connection the DISCARD ALL that would drop the server's plans.
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    private static string CheckedTenant(string tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) ? throw new ArgumentException("A tenant id is required.", nameof(tenantId)) : tenantId;
}
