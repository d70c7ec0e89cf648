using Clinic.EventStore.Schema;
using Npgsql;

namespace Clinic.EventStore;

/// <summary>What every part of one store shares: options, the checked schema name and the connection pool.</summary>
internal sealed class StoreContext(StoreOptions options, NpgsqlDataSource dataSource)
{
    public StoreOptions Options { get; } = options;
    public string Schema { get; } = SqlIdentifier.Checked(options.SchemaName, "Schema name");
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>Raised after a unit of work with events commits, so an in-process daemon can look at once.</summary>
    public event Action? EventsCommitted;

    public void NotifyEventsCommitted() => EventsCommitted?.Invoke();
}
