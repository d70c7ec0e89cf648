using System.Text.Json;
using Clinic.EventStore.Tests.Sample;
using Clinic.Testing;
using Npgsql;
using static Clinic.EventStore.Tests.Daemon.DaemonTestSupport;

namespace Clinic.EventStore.Tests.Schema;

/// <summary>Events restored from a logical dump of another server carry transaction ids this one has not handed out yet.</summary>
public class LogicalRestoreTests
{
    private const string Tenant = "clinic-a";
    private const string FromAnotherServer = "987654321012";

    [Fact]
    public async Task Events_with_transaction_ids_from_another_server_are_refused_at_start_until_renumbered_as_documented()
    {
        await using var store = await LedgerStore.CreateAsync();
        await InsertRestoredDepositAsync(store, "ann", 5);

        var atSchema = await Should.ThrowAsync<InvalidOperationException>(() => store.ApplySchemaAsync());
        atSchema.Message.ShouldContain($"transaction ids up to {FromAnotherServer}");
        atSchema.Message.ShouldContain("logical dump");
        atSchema.Message.ShouldContain("pg_basebackup");
        await using var daemon = store.CreateDaemon();
        await Should.ThrowAsync<InvalidOperationException>(() => daemon.StartAsync());

        await RenumberAsDocumentedAsync(store);
        await store.ApplySchemaAsync();
        await daemon.StartAsync();
        await DepositAsync(store, Tenant, "ann", 2);
        await daemon.WaitForNonStaleAsync(TimeSpan.FromSeconds(30));

        (await store.QuerySession(Tenant).LoadAsync<OwnerTotals>("ann"))!.Deposited.ShouldBe(7, "the restored deposit and the new one");
    }

    /// <summary>A deposit as pg_restore writes it: the row as it was, with the old server's transaction id.</summary>
    private static async Task InsertRestoredDepositAsync(DocumentStore store, string owner, decimal amount)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        var stream = Guid.NewGuid();
        await using var command = new NpgsqlCommand($"""
            WITH stream AS (
                INSERT INTO {store.Schema}.streams (id, tenant_id, type, version) VALUES ($1, $2, '{LedgerStore.StreamType}', 1) RETURNING id)
            INSERT INTO {store.Schema}.events (id, stream_id, version, type, data, metadata, tenant_id, tx_id)
            SELECT $3, stream.id, 1, 'deposited.v1', $4::jsonb, $5::jsonb, $2, '{FromAnotherServer}' FROM stream
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = Tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(new Deposited(amount), store.Options.Json) });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(LedgerStore.ForOwner(owner), store.Options.Json) });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>docs/operations.md, Backups, where pg_resetwal cannot be run: restored events move below every new transaction id.</summary>
    private static async Task RenumberAsDocumentedAsync(DocumentStore store)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            BEGIN;
            ALTER TABLE {store.Schema}.events DISABLE TRIGGER events_are_immutable;
            UPDATE {store.Schema}.events SET tx_id = '1';
            ALTER TABLE {store.Schema}.events ENABLE TRIGGER events_are_immutable;
            UPDATE {store.Schema}.projection_progress SET last_tx_id = '0', last_seq_id = 0;
            COMMIT;
            """);
    }
}
