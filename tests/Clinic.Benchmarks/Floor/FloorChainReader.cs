using Npgsql;

namespace Clinic.Benchmarks.Floor;

/// <summary>
/// The floor for verify: every event row and every hash row of a clinic read with plain Npgsql in stream order, as
/// verify reads them (two connections side by side), each column read and nothing computed. What verify adds on top
/// is hashing each event again and comparing.
/// </summary>
public sealed class FloorChainReader(NpgsqlDataSource db, string schema)
{
    public async Task<long> ReadAsync(string tenant, CancellationToken cancellationToken)
    {
        var events = ReadAllAsync($"""
            SELECT stream_id, version::bigint, seq_id, id, type, mt_dotnet_type, timestamp, data::text, headers::text, correlation_id, causation_id, tenant_id
            FROM {schema}.mt_events WHERE tenant_id = $1 ORDER BY stream_id, version
            """, tenant, cancellationToken);
        var links = ReadAllAsync($"SELECT stream_id, version, hash, previous_hash FROM {schema}.mt_event_hashes WHERE tenant_id = $1 ORDER BY stream_id, version",
            tenant, cancellationToken);
        var counts = await Task.WhenAll(events, links);
        return counts[0];
    }

    private async Task<long> ReadAllAsync(string sql, string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var select = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = tenant } } };
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var rows = 0L;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }
}
