using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// A transaction left open on the test server, with a transaction id, as a forgotten session would: it
/// holds back every event committed after it began. Keep it short: it holds back every test of the process.
/// </summary>
public sealed class HeldTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private HeldTransaction(NpgsqlConnection connection) => _connection = connection;

    public int ProcessId => _connection.ProcessID;

    public static async Task<HeldTransaction> BeginAsync(ApiHost host)
    {
        var connection = new NpgsqlConnection(host.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var begin = new NpgsqlCommand("BEGIN; SELECT pg_current_xact_id()", connection);
        await begin.ExecuteNonQueryAsync();
        return new HeldTransaction(connection);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
