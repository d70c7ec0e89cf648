using Clinic.EventStore.Schema;
using Npgsql;

namespace Clinic.EventStore.Daemon;

/// <summary>
/// The right to run one projection, held as a session advisory lock on a connection of its own
/// (never pooled, so closing it really ends the session). If the node dies, PostgreSQL ends the
/// session — at once when the process exits, within <c>idle_session_timeout</c> if the machine
/// vanishes — and another node can take the lock.
/// </summary>
internal sealed class ProjectionLeadership(string connectionString, string schema, string projectionName, TimeSpan idleSessionTimeout)
    : IAsyncDisposable
{
    private readonly long _key = AdvisoryLockKey.For(schema + ":projection:" + projectionName);
    private NpgsqlConnection? _connection;

    public bool IsHeld => _connection is not null;

    /// <summary>Takes the lock if nobody holds it; returns whether this node holds it now.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
            return true;
        var connection = await OpenAsync(cancellationToken);
        if (await CallWithKeyAsync(connection, "pg_try_advisory_lock", cancellationToken) is true)
        {
            _connection = connection;
            return true;
        }
        await connection.DisposeAsync();
        return false;
    }

    /// <summary>Waits for the lock (a rebuild does this after asking the current holder to stand aside).</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
            return;
        var connection = await OpenAsync(cancellationToken);
        try
        {
            await CallWithKeyAsync(connection, "pg_advisory_lock", cancellationToken);
            _connection = connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Checks the lock's session is still alive; throws if it is not.</summary>
    public async Task ConfirmAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
            throw new InvalidOperationException("Leadership is not held.");
        await using var ping = new NpgsqlCommand("SELECT 1", _connection);
        await ping.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask ReleaseAsync()
    {
        if (_connection is null)
            return;
        var connection = _connection;
        _connection = null;
        await connection.DisposeAsync();
    }

    public ValueTask DisposeAsync() => ReleaseAsync();

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var timeout = new NpgsqlCommand(
            $"SET idle_session_timeout = {(long)idleSessionTimeout.TotalMilliseconds}", connection);
        await timeout.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task<object?> CallWithKeyAsync(NpgsqlConnection connection, string lockFunction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {lockFunction}($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _key });
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
