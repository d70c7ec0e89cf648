using Clinic.Api.Database;
using Clinic.Api.Hosting;
using Clinic.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinic.Api.Tests.Integrity;

/// <summary>
/// The host's events and hash chain as a database superuser sees them: read, and tampered with the append-only guard
/// switched off for the one transaction (switched on again before it commits, so other tests never run without it).
/// </summary>
public sealed class StoredChain(ApiHost host)
{
    public string Events => $"{host.Schema}.mt_events";
    public string Hashes => $"{host.Schema}.{EventChain.HashesTable}";
    public string Streams => $"{host.Schema}.mt_streams";
    public string Checkpoints => $"{host.Schema}.{EventChain.CheckpointsTable}";

    /// <summary>The sequence <paramref name="clinic"/>'s events are numbered from: the store's, or the clinic's own when the events are partitioned by clinic.</summary>
    public string SequenceOf(string clinic) => host.Services.GetRequiredService<ClinicServices>().PartitionByTenant
        ? $"{host.Schema}.mt_events_sequence_{ClinicPartitions.SuffixOf(clinic)}"
        : $"{host.Schema}.mt_events_sequence";

    /// <summary>Runs <paramref name="statements"/> ($1 is the clinic, $2 the stream) as a superuser who disabled the guard, and the chain's trigger if asked.</summary>
    public async Task TamperAsync(string clinic, Guid streamId, string statements, bool withoutChainTrigger = false)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        string[] triggers = withoutChainTrigger ? [AppendOnlyEventsGuard.Name, EventChainTrigger.Name] : [AppendOnlyEventsGuard.Name];
        foreach (var trigger in triggers)
            await ExecuteAsync(connection, $"ALTER TABLE {Events} DISABLE TRIGGER {trigger}");
        foreach (var statement in statements.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            await ExecuteAsync(connection, statement, clinic, streamId);
        foreach (var trigger in triggers)
            await ExecuteAsync(connection, $"ALTER TABLE {Events} ENABLE TRIGGER {trigger}");
        await transaction.CommitAsync();
    }

    public async Task<long> LastVersionAsync(string clinic, Guid streamId)
    {
        await using var connection = await OpenAsync();
        await using var select = new NpgsqlCommand($"SELECT max(version)::bigint FROM {Events} WHERE tenant_id = $1 AND stream_id = $2", connection)
        {
            Parameters = { new() { Value = clinic }, new() { Value = streamId } },
        };
        return (long)(await select.ExecuteScalarAsync())!;
    }

    public async Task<long> EventCountAsync(string clinic)
    {
        await using var connection = await OpenAsync();
        await using var select = new NpgsqlCommand($"SELECT count(*) FROM {Events} WHERE tenant_id = $1", connection) { Parameters = { new() { Value = clinic } } };
        return (long)(await select.ExecuteScalarAsync())!;
    }

    /// <summary>Runs <paramref name="statements"/> as they are, with the guard on; $1 is the clinic, $2 the stream.</summary>
    public async Task ExecuteAsync(string statements, string clinic, Guid streamId)
    {
        await using var connection = await OpenAsync();
        foreach (var statement in statements.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            await ExecuteAsync(connection, statement, clinic, streamId);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    /// <summary>Runs one statement with the first of <paramref name="parameters"/> it uses ($1, $2): PostgreSQL refuses a parameter it cannot type.</summary>
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters.Take(sql.Contains("$2") ? 2 : sql.Contains("$1") ? 1 : 0))
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
