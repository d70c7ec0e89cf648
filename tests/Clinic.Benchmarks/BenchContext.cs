using Npgsql;

namespace Clinic.Benchmarks;

/// <summary>
/// What every workload gets: the server, the scale, Marten's connection pool (the application's connection string,
/// with auto-prepare), the floor's own pool, and Ctrl+C.
/// </summary>
public sealed record BenchContext(string ConnectionString, BenchScale Scale, NpgsqlDataSource Marten, NpgsqlDataSource Floor, CancellationToken Cancellation)
{
    public const string Tenant = "bench";
}
