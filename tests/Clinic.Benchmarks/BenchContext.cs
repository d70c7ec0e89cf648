using Npgsql;

namespace Clinic.Benchmarks;

/// <summary>
/// What every workload gets: the server, the scale, Marten's connection pool (the application's connection string,
/// with auto-prepare), the floor's own pool, whether the events are hash-chained as the application's are, and Ctrl+C.
/// </summary>
public sealed record BenchContext(
    string ConnectionString, BenchScale Scale, NpgsqlDataSource Marten, NpgsqlDataSource Floor, bool Chained, CancellationToken Cancellation)
{
    public const string Tenant = "bench";
}
