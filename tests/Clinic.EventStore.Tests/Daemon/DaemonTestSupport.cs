using System.Text.Json;
using Clinic.EventStore.Tests.Sample;
using Clinic.Testing;
using Npgsql;

namespace Clinic.EventStore.Tests.Daemon;

/// <summary>Raw transactions the tests hold open or roll back around the store's own appends.</summary>
internal static class DaemonTestSupport
{
    public static async Task<NpgsqlConnection> BeginRawTransactionAsync()
    {
        var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await ExecuteAsync(connection, "BEGIN");
        await ExecuteAsync(connection, "SELECT pg_current_xact_id()");
        return connection;
    }

    /// <summary>Appends a deposit to a new ledger stream inside the connection's open transaction, as the store's SQL would.</summary>
    public static async Task<long> RawDepositAsync(NpgsqlConnection connection, DocumentStore store, string tenant, string owner, decimal amount)
    {
        var json = store.Options.Json;
        await using var command = new NpgsqlCommand($"""
            WITH started AS (INSERT INTO {store.Schema}.streams (id, tenant_id, type, version) VALUES ($1, $2, 'ledger', 1) RETURNING id)
            INSERT INTO {store.Schema}.events (id, stream_id, version, type, data, metadata, tenant_id)
            SELECT $3, id, 1, 'deposited.v1', $4::jsonb, $5::jsonb, $2 FROM started
            RETURNING seq_id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(new Deposited(amount), json) });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(LedgerStore.ForOwner(owner), json) });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Deposits into a new ledger of <paramref name="owner"/> through the store; returns the deposit's sequence.</summary>
    public static async Task<long> DepositAsync(DocumentStore store, string tenant, string owner, decimal amount)
    {
        var session = store.OpenSession(tenant, LedgerStore.ForOwner(owner));
        session.Events.StartStream(Guid.NewGuid(), "ledger", new Deposited(amount));
        return (await session.SaveChangesAsync()).Single().Sequence;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
