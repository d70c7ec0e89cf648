using Npgsql;

namespace Clinic.Benchmarks;

/// <summary>What every workload gets: the server, the scale, the floor's own connection pool, and Ctrl+C.</summary>
public sealed record BenchContext(string ConnectionString, BenchScale Scale, NpgsqlDataSource Floor, CancellationToken Cancellation)
{
    public const string Tenant = "bench";
}
