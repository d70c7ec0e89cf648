using Clinic.Api.Database;
using Clinic.Api.Privacy;
using Clinic.Benchmarks.Ledger;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Clinic.Benchmarks;

/// <summary>
/// A fresh Marten schema for one side of one run, dropped on dispose. The floor gets one too, made by a store
/// with the same configuration, and writes into its tables with plain SQL.
/// </summary>
public sealed class BenchSchema : IAsyncDisposable
{
    private readonly NpgsqlDataSource _admin;

    private BenchSchema(DocumentStore store, string name, NpgsqlDataSource admin)
    {
        Store = store;
        Name = name;
        _admin = admin;
    }

    public DocumentStore Store { get; }
    public string Name { get; }

    /// <param name="balance">How the ledger balance projection runs in this schema; null: not registered.</param>
    public static Task<BenchSchema> CreateAsync(BenchContext context, ProjectionLifecycle? balance = null) =>
        CreateAsync(context, name => BenchMarten.Options(context.Marten, name, balance, context.Chained));

    /// <summary>A schema of the clinic's own store (<see cref="ClinicMarten.Options"/>: its documents, indexes and projections).</summary>
    public static async Task<BenchSchema> CreateClinicAsync(BenchContext context)
    {
        PersonalKeys? keys = null;
        var schema = await CreateAsync(context, name => ClinicMarten.Options(context.Marten, name, keys = BenchMarten.Keys(context.Marten, name)));
        schema.Keys = keys;
        return schema;
    }

    /// <summary>The patients' keys of a schema of the clinic's own store (<see cref="CreateClinicAsync"/>): null for the others.</summary>
    public PersonalKeys? Keys { get; private set; }

    private static async Task<BenchSchema> CreateAsync(BenchContext context, Func<string, StoreOptions> options)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N")[..16];
        var store = new DocumentStore(options(name));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new BenchSchema(store, name, context.Floor);
    }

    /// <summary>
    /// Vacuums and analyzes the event tables, as autovacuum would have done for events that have been in
    /// the store a while: a read workload then starts from the same state on both sides, and autovacuum
    /// does not wake up on the freshly written tables in the middle of a measurement.
    /// </summary>
    public Task VacuumAsync() => VacuumAsync("mt_streams", "mt_events");

    /// <summary>Vacuums and analyzes these tables of the schema (see <see cref="VacuumAsync()"/>).</summary>
    public async Task VacuumAsync(params string[] tables)
    {
        await using var vacuum = _admin.CreateCommand($"VACUUM (ANALYZE) {string.Join(", ", tables.Select(table => $"{Name}.{table}"))}");
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

    /// <summary>Fails the run unless this schema's table holds the same rows as the other's, compared on these columns.</summary>
    public async Task ExpectSameRowsAsync(BenchSchema other, string table, string columns)
    {
        await using var differences = _admin.CreateCommand($"""
            SELECT count(*) FROM (
                (SELECT {columns} FROM {Name}.{table} EXCEPT ALL SELECT {columns} FROM {other.Name}.{table})
                UNION ALL
                (SELECT {columns} FROM {other.Name}.{table} EXCEPT ALL SELECT {columns} FROM {Name}.{table})) AS different
            """);
        var count = (long)(await differences.ExecuteScalarAsync())!;
        if (count != 0)
            throw new InvalidOperationException($"{Name}.{table} and {other.Name}.{table} differ by {count} rows on ({columns}).");
    }

    public async ValueTask DisposeAsync()
    {
        await using (var drop = _admin.CreateCommand($"DROP SCHEMA {Name} CASCADE"))
            await drop.ExecuteNonQueryAsync();
        await Store.DisposeAsync();
    }
}
