using Clinic.EventStore.Tests.Sample;
using Clinic.Testing;
using Npgsql;

namespace Clinic.EventStore.Tests.Schema;

public class SchemaMigrationTests
{
    [Fact]
    public async Task Migrations_apply_once_and_a_second_start_applies_nothing()
    {
        var schema = TestDatabase.UniqueSchema();
        await using var store = await LedgerStore.CreateAsync(schema: schema);

        (await store.ApplySchemaAsync()).ShouldBeEmpty();
        (await AppliedVersionsAsync(schema)).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public async Task Nodes_starting_together_do_not_race_on_the_schema()
    {
        var schema = TestDatabase.UniqueSchema();
        var connection = await TestDatabase.ConnectionStringAsync();
        var stores = Enumerable.Range(0, 4).Select(_ =>
        {
            var options = new StoreOptions { ConnectionString = connection, SchemaName = schema };
            LedgerStore.RegisterEvents(options);
            options.Documents.For<LedgerBalance>().Duplicate(x => x.Owner);
            return new DocumentStore(options);
        }).ToList();

        var applied = await Task.WhenAll(stores.Select(s => Task.Run(() => s.ApplySchemaAsync())));

        applied.SelectMany(versions => versions).Order().ToList().ShouldBe([1, 2, 3, 4], "each migration ran on exactly one node");
        (await AppliedVersionsAsync(schema)).ShouldBe([1, 2, 3, 4]);
        foreach (var store in stores)
            await store.DisposeAsync();
    }

    [Fact]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused()
    {
        Should.Throw<ArgumentException>(() => new DocumentStore(new StoreOptions { ConnectionString = "Host=x", SchemaName = "x; DROP TABLE y" }));
    }

    private static async Task<IReadOnlyList<int>> AppliedVersionsAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT version FROM {schema}.schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
            versions.Add(reader.GetInt32(0));
        return versions;
    }
}
