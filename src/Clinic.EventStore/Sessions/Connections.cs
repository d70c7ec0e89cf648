using Npgsql;

namespace Clinic.EventStore.Sessions;

/// <summary>
/// Where reads run: on a pooled connection taken per call, or on the one connection of an open
/// transaction (so they see its uncommitted writes).
/// </summary>
internal sealed class Connections
{
    private readonly NpgsqlDataSource? _pool;
    private readonly NpgsqlConnection? _transactional;

    private Connections(NpgsqlDataSource? pool, NpgsqlConnection? transactional)
    {
        _pool = pool;
        _transactional = transactional;
    }

    public static Connections Pooled(NpgsqlDataSource pool) => new(pool, null);
    public static Connections InTransaction(NpgsqlConnection connection) => new(null, connection);

    public async Task<T> UseAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_transactional is not null)
            return await work(_transactional);
        await using var connection = await _pool!.OpenConnectionAsync(cancellationToken);
        return await work(connection);
    }
}
