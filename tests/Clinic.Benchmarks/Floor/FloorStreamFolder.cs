using System.Text.Json;
using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Workloads;
using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>The floor for reads: a plain (prepared) SELECT of the stream's rows in version order, System.Text.Json, the same fold.</summary>
public sealed class FloorStreamFolder(NpgsqlDataSource db, string schema, JsonSerializerOptions json) : IStreamFolder
{
    public async Task<(LedgerState State, long Version)> FoldAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var command = await Sql.PreparedAsync(connection,
            $"SELECT version, type, data FROM {schema}.mt_events WHERE stream_id = $1 AND tenant_id = $2 ORDER BY version",
            cancellationToken, Sql.Value(streamId), Sql.Value(BenchContext.Tenant));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (state, version) = (LedgerState.Initial, 0L);
        while (await reader.ReadAsync(cancellationToken))
        {
            var data = JsonSerializer.Deserialize(reader.GetString(2), LedgerEventTypes.ByName[reader.GetString(1)], json)!;
            (state, version) = (LedgerState.Evolve(state, data), reader.GetInt64(0));
        }
        return (state, version);
    }
}
