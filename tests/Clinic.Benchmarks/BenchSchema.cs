using Clinic.Benchmarks.Ledger;
using Clinic.EventStore;
using Clinic.EventStore.Projections;
using Npgsql;

namespace Clinic.Benchmarks;

/// <summary>
/// A fresh store schema for one side of one run, dropped on dispose. The floor gets one too, made by a
/// store with the same registrations, and writes into its tables with plain SQL.
/// </summary>
public sealed class BenchSchema : IAsyncDisposable
{
    private readonly NpgsqlDataSource _admin;

    private BenchSchema(DocumentStore store, NpgsqlDataSource admin)
    {
        Store = store;
        _admin = admin;
    }

    public DocumentStore Store { get; }
    public string Name => Store.Schema;

    /// <param name="balance">How the ledger balance projection runs in this schema; null: not registered.</param>
    public static async Task<BenchSchema> CreateAsync(BenchContext context, ProjectionLifecycle? balance = null)
    {
        var options = new StoreOptions
        {
            ConnectionString = context.ConnectionString,
            SchemaName = "bench_" + Guid.NewGuid().ToString("N")[..16],
        };
        foreach (var (name, type) in LedgerEventTypes.ByName)
            options.Events.Register(type, name);
        options.Documents.For<LedgerBalance>(LedgerBalance.Alias).Duplicate(b => b.Owner).Duplicate(b => b.Balance);
        if (balance is { } lifecycle)
            options.Projections.Add(new LedgerBalanceProjection(), lifecycle);
        var store = new DocumentStore(options);
        await store.ApplySchemaAsync(context.Cancellation);
        return new BenchSchema(store, context.Floor);
    }

    /// <summary>
    /// Vacuums and analyzes the event tables, as autovacuum would have done for events that have been in
    /// the store a while: a read workload then starts from the same state on both sides, and autovacuum
    /// does not wake up on the freshly written tables in the middle of a measurement.
    /// </summary>
    public async Task VacuumAsync()
    {
        await using var vacuum = _admin.CreateCommand($"VACUUM (ANALYZE) {Name}.streams, {Name}.events");
        await vacuum.ExecuteNonQueryAsync();
    }

    /// <summary>Fails the run if a side did not write what it was asked to (a fast benchmark of the wrong work is worthless).</summary>
    public async Task ExpectRowsAsync(string table, long expected)
    {
        await using var count = _admin.CreateCommand($"SELECT count(*) FROM {Name}.{table}");
        var actual = (long)(await count.ExecuteScalarAsync())!;
        if (actual != expected)
            throw new InvalidOperationException($"{Name}.{table} has {actual} rows, expected {expected}.");
    }

    public async ValueTask DisposeAsync()
    {
        await using (var drop = _admin.CreateCommand($"DROP SCHEMA {Name} CASCADE"))
            await drop.ExecuteNonQueryAsync();
        await Store.DisposeAsync();
    }
}
