using Clinic.Api.Database;
using Clinic.Api.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// The events are append-only in the database itself: whoever connects, with whatever rights, cannot change or remove a
/// recorded event. The guard is part of the store's schema, so applying the schema creates it and repairs it.
/// </summary>
public class AppendOnlyEventsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("UPDATE", "UPDATE {0}.mt_events SET data = '{{}}'::jsonb")]
    [InlineData("DELETE", "DELETE FROM {0}.mt_events")]
    [InlineData("TRUNCATE", "TRUNCATE {0}.mt_events")]
    public async Task Changing_or_removing_recorded_events_is_refused_and_leaves_them_as_they_were(string operation, string statement)
    {
        await new Journey(host).RegisterPatientAsync();
        var before = await EventRowsAsync();

        var refusal = await Should.ThrowAsync<PostgresException>(() => TestSql.ExecuteAsync(string.Format(statement, host.Schema)));

        refusal.SqlState.ShouldBe(AppendOnlyEventsGuard.RefusedState);
        refusal.MessageText.ShouldBe($"events are append-only: {operation} on {host.Schema}.mt_events refused");
        (await EventRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Removing_a_stream_does_not_take_its_events_with_it()
    {
        await new Journey(host).RegisterPatientAsync();
        var before = await EventRowsAsync();

        var refusal = await Should.ThrowAsync<PostgresException>(() => TestSql.ExecuteAsync($"TRUNCATE {host.Schema}.mt_streams CASCADE"));

        refusal.SqlState.ShouldBe(AppendOnlyEventsGuard.RefusedState);
        (await EventRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Events_are_still_appended_after_a_refused_change()
    {
        await new Journey(host).RegisterPatientAsync();
        await Should.ThrowAsync<PostgresException>(() => TestSql.ExecuteAsync($"DELETE FROM {host.Schema}.mt_events"));
        var before = await host.EventCountAsync();

        await new Journey(host).RegisterPatientAsync();

        (await host.EventCountAsync()).ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task Applying_the_schema_again_finds_the_guard_as_configured_and_leaves_it_in_place()
    {
        var trigger = await TriggerOidAsync();

        (await GuardDifferenceAsync()).ShouldBe(SchemaPatchDifference.None);
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await TriggerOidAsync()).ShouldBe(trigger);
        await Should.ThrowAsync<PostgresException>(() => TestSql.ExecuteAsync($"DELETE FROM {host.Schema}.mt_events"));
    }

    [Theory]
    [InlineData("DROP TRIGGER mt_events_append_only ON {0}.mt_events")]
    [InlineData("ALTER TABLE {0}.mt_events DISABLE TRIGGER mt_events_append_only")]
    [InlineData("DROP FUNCTION {0}.mt_events_append_only() CASCADE")]
    [InlineData("CREATE OR REPLACE FUNCTION {0}.mt_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$")]
    public async Task Applying_the_schema_restores_a_guard_someone_took_away(string takeAway)
    {
        await new Journey(host).RegisterPatientAsync();
        await TestSql.ExecuteAsync(string.Format(takeAway, host.Schema));
        (await GuardDifferenceAsync()).ShouldNotBe(SchemaPatchDifference.None);

        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await GuardDifferenceAsync()).ShouldBe(SchemaPatchDifference.None);
        var refusal = await Should.ThrowAsync<PostgresException>(() => TestSql.ExecuteAsync($"DELETE FROM {host.Schema}.mt_events"));
        refusal.SqlState.ShouldBe(AppendOnlyEventsGuard.RefusedState);
    }

    private IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();

    private async Task<SchemaPatchDifference> GuardDifferenceAsync()
    {
        var migration = await Store.Storage.Database.CreateMigrationAsync();
        return migration.Deltas.Single(delta => delta.SchemaObject is AppendOnlyEventsGuard).Difference;
    }

    /// <summary>Every event row as text, in sequence order.</summary>
    private async Task<List<string>> EventRowsAsync()
    {
        await using var connection = await OpenAsync();
        await using var select = new NpgsqlCommand($"SELECT e::text FROM {host.Schema}.mt_events AS e ORDER BY seq_id", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        rows.ShouldNotBeEmpty();
        return rows;
    }

    private async Task<uint> TriggerOidAsync()
    {
        await using var connection = await OpenAsync();
        await using var select = new NpgsqlCommand(
            "SELECT t.oid FROM pg_trigger AS t WHERE t.tgrelid = $1::regclass AND t.tgname = $2", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = $"{host.Schema}.mt_events" });
        select.Parameters.Add(new NpgsqlParameter { Value = AppendOnlyEventsGuard.Name });
        return (uint)(await select.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
