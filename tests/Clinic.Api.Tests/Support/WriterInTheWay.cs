using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// Another writer that appends to a stream, in a transaction it holds open: a command deciding on the stream
/// meanwhile reads the version before, and its append waits on the stream's row until this one commits.
/// </summary>
public sealed class WriterInTheWay : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _schema;

    private WriterInTheWay(NpgsqlConnection connection, string schema)
    {
        _connection = connection;
        _schema = schema;
    }

    /// <summary>Appends a copy of the stream's last event (a fact recorded twice, as a second clerk might).</summary>
    public static async Task<WriterInTheWay> AppendAsync(ApiHost host, Guid streamId)
    {
        var connection = new NpgsqlConnection(host.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var append = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN"),
                new NpgsqlBatchCommand($"UPDATE {host.Schema}.streams SET version = version + 1, updated_at = now() WHERE id = $1")
                {
                    Parameters = { new NpgsqlParameter { Value = streamId } },
                },
                new NpgsqlBatchCommand($"""
                    INSERT INTO {host.Schema}.events (id, stream_id, version, type, data, metadata, tenant_id)
                    SELECT gen_random_uuid(), e.stream_id, e.version + 1, e.type, e.data, e.metadata, e.tenant_id
                    FROM {host.Schema}.events AS e WHERE e.stream_id = $1 ORDER BY e.version DESC LIMIT 1
                    """)
                {
                    Parameters = { new NpgsqlParameter { Value = streamId } },
                },
            },
        };
        await append.ExecuteNonQueryAsync();
        return new WriterInTheWay(connection, host.Schema);
    }

    /// <summary>Waits until another session waits for this writer's lock on the stream.</summary>
    public async Task WaitUntilSomeoneWaitsAsync()
    {
        await using var probe = new NpgsqlConnection(_connection.ConnectionString);
        await probe.OpenAsync();
        await Eventually.WaitForAsync(async () =>
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%' || $1 || '.streams%'", probe);
            waiting.Parameters.Add(new NpgsqlParameter { Value = _schema });
            return (long)(await waiting.ExecuteScalarAsync())! > 0 ? true : (bool?)null;
        });
    }

    public async Task CommitAsync()
    {
        await using var commit = new NpgsqlCommand("COMMIT", _connection);
        await commit.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
