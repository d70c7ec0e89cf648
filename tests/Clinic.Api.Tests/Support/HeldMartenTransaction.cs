using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// Writes through Marten, as the API's store is configured, in a transaction the test holds open on a connection of its
/// own: what it wrote is invisible (and its stream rows locked) until the test commits it, or rolls it back.
/// </summary>
public sealed class HeldMartenTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private HeldMartenTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public string ConnectionString => _connection.ConnectionString;

    public static async Task<HeldMartenTransaction> BeginAsync(ApiHost host, string clinic, Func<IDocumentSession, Task> write)
    {
        var connection = new NpgsqlConnection(host.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        var options = SessionOptions.ForTransaction(transaction);
        options.TenantId = clinic;
        await using var session = host.Store().LightweightSession(options);
        await write(session);
        await session.SaveChangesAsync();
        return new HeldMartenTransaction(connection, transaction);
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public Task RollbackAsync() => _transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
