using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;
using Clinic.Testing;

namespace Clinic.EventStore.Tests.Sample;

/// <summary>Builds stores on the test server, each in a schema of its own.</summary>
public static class LedgerStore
{
    public const string StreamType = "ledger";

    public static async Task<DocumentStore> CreateAsync(
        Action<StoreOptions>? configure = null, string? schema = null, bool inlineBalance = true, bool asyncTotals = true,
        string? connectionString = null, bool balanceUsesEventPositions = true)
    {
        var options = new StoreOptions
        {
            ConnectionString = connectionString ?? await TestDatabase.ConnectionStringAsync(),
            SchemaName = schema ?? TestDatabase.UniqueSchema(),
        };
        RegisterEvents(options);
        options.Documents.For<LedgerBalance>().Duplicate(b => b.Owner).Duplicate(b => b.Balance);
        options.Documents.For<OwnerTotals>();
        if (inlineBalance)
            options.Projections.Add(new LedgerBalanceProjection(balanceUsesEventPositions), ProjectionLifecycle.Inline);
        if (asyncTotals)
            options.Projections.Add(new OwnerTotalsProjection(), ProjectionLifecycle.Async);
        options.Daemon.PollInterval = TimeSpan.FromMilliseconds(50);
        options.Daemon.LeadershipPollInterval = TimeSpan.FromMilliseconds(100);
        options.Daemon.ErrorBackoff = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        var store = new DocumentStore(options);
        await store.ApplySchemaAsync();
        return store;
    }

    public static void RegisterEvents(StoreOptions options) =>
        options.Events
            .Register<LedgerOpened>("ledger-opened.v1")
            .Register<Deposited>("deposited.v1")
            .Register<Withdrawn>("withdrawn.v1")
            .Register<LedgerClosed>("ledger-closed.v1");

    public static EventMetadata ForOwner(string owner) =>
        new() { ActorId = "user-1", ActorRole = "clerk", Headers = new Dictionary<string, string> { ["owner"] = owner } };

    /// <summary>Opens a ledger with a first deposit in its own unit of work.</summary>
    public static async Task<Guid> OpenLedgerAsync(DocumentStore store, string tenant, string owner, decimal firstDeposit = 10)
    {
        var id = Guid.NewGuid();
        var session = store.OpenSession(tenant, ForOwner(owner));
        session.Events.StartStream(id, StreamType, new LedgerOpened(owner, "EUR"), new Deposited(firstDeposit));
        await session.SaveChangesAsync();
        return id;
    }
}
