using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// Another writer that appends to a stream through Marten, in a transaction it holds open: a command deciding on the
/// stream meanwhile reads the version before, and its append waits on the stream's row until this one commits.
/// </summary>
public sealed class WriterInTheWay : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _schema;

    private WriterInTheWay(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema)
    {
        _connection = connection;
        _transaction = transaction;
        _schema = schema;
    }

    /// <summary>Appends a copy of the stream's last event (a fact recorded twice, as a second clerk might).</summary>
    public static async Task<WriterInTheWay> AppendAsync(ApiHost host, string clinic, Guid streamId)
    {
        var connection = new NpgsqlConnection(host.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        var options = SessionOptions.ForTransaction(transaction);
        options.TenantId = clinic;
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession(options);
        var last = (await session.Events.FetchStreamAsync(streamId))[^1];
        session.Events.Append(streamId, last.Data);
        await session.SaveChangesAsync();
        return new WriterInTheWay(connection, transaction, host.Schema);
    }

    /// <summary>Waits until another session waits for this writer's lock on the stream.</summary>
    public async Task WaitUntilSomeoneWaitsAsync()
    {
        await using var probe = new NpgsqlConnection(_connection.ConnectionString);
        await probe.OpenAsync();
        await Eventually.WaitForAsync(async () =>
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%' || $1 || '.mt_%'", probe);
            waiting.Parameters.Add(new NpgsqlParameter { Value = _schema });
            return (long)(await waiting.ExecuteScalarAsync())! > 0 ? true : (bool?)null;
        });
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
