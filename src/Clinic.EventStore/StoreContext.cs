using System.Collections.Concurrent;
using Clinic.EventStore.Projections;
using Clinic.EventStore.Schema;
using Npgsql;

namespace Clinic.EventStore;

/// <summary>What every part of one store shares: options, the checked schema name and the connection pool.</summary>
internal sealed class StoreContext(StoreOptions options, NpgsqlDataSource dataSource)
{
    public StoreOptions Options { get; } = options;
    public string Schema { get; } = SqlIdentifier.Checked(options.SchemaName, "Schema name");
    public NpgsqlDataSource DataSource { get; } = dataSource;

    private readonly ConcurrentDictionary<IProjection, IReadOnlySet<string>> _handledNames = new();

    /// <summary>Raised after a unit of work with events commits, so an in-process daemon can look at once.</summary>
    public event Action? EventsCommitted;

    public void NotifyEventsCommitted() => EventsCommitted?.Invoke();

    /// <summary>The stable names of the event types a projection reads, worked out once per projection (every commit and batch asks).</summary>
    public IReadOnlySet<string> EventNamesReadBy(IProjection projection) =>
        _handledNames.GetOrAdd(projection, p => Options.Events.NamesOf(p.EventTypes).ToHashSet());
}
