using Npgsql;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// Another writer that appends to a stream through Marten, in a transaction it holds open: a command deciding on the
/// stream meanwhile reads the version before, and its append waits on the stream's row until this one commits.
/// </summary>
public sealed class WriterInTheWay(HeldMartenTransaction held, string schema) : IAsyncDisposable
{
    /// <summary>Appends a copy of the stream's last event (a fact recorded twice, as a second clerk might).</summary>
    public static async Task<WriterInTheWay> AppendAsync(ApiHost host, string clinic, Guid streamId) =>
        new(await HeldMartenTransaction.BeginAsync(host, clinic, async session =>
            session.Events.Append(streamId, (await session.Events.FetchStreamAsync(streamId))[^1].Data)), host.Schema);

    /// <summary>Waits until another session waits for this writer's lock on the stream.</summary>
    public async Task WaitUntilSomeoneWaitsAsync()
    {
        await using var probe = new NpgsqlConnection(held.ConnectionString);
        await probe.OpenAsync();
        await Eventually.WaitForAsync(async () =>
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%' || $1 || '.mt_%'", probe);
            waiting.Parameters.Add(new NpgsqlParameter { Value = schema });
            return (long)(await waiting.ExecuteScalarAsync())! > 0 ? true : (bool?)null;
        });
    }

    public Task CommitAsync() => held.CommitAsync();

    public ValueTask DisposeAsync() => held.DisposeAsync();
}
