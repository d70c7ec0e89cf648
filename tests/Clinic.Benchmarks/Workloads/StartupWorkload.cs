using Clinic.Benchmarks.Http;
using Clinic.Benchmarks.Measuring;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workload 8: the API's start-up, from starting its process to the first 200 from /health/ready (database reachable,
/// Marten's schema in place, daemon healthy). On a new schema (Marten creates its tables) and again on that schema once
/// it exists (a restart); the median of <see cref="Starts"/> starts each. Plain Npgsql has no start-up to compare with,
/// so these rows have no floor.
/// </summary>
public sealed class StartupWorkload : IWorkload
{
    private const int Starts = 3;

    public string Name => "HTTP API start-up to ready";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var (newSchema, existingSchema) = (new List<double>(), new List<double>());
        for (var start = 0; start < Starts; start++)
        {
            var schema = "bench_" + Guid.NewGuid().ToString("N")[..16];
            try
            {
                newSchema.Add(await SecondsToReadyAsync(context, schema));
                existingSchema.Add(await SecondsToReadyAsync(context, schema));
            }
            finally
            {
                await using var drop = context.Floor.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
                await drop.ExecuteNonQueryAsync();
            }
        }
        return
        [
            BenchResult.WithoutFloor($"{Name}, new schema", Measure.Percentile(newSchema, 50), BenchResult.Seconds),
            BenchResult.WithoutFloor($"{Name}, existing schema", Measure.Percentile(existingSchema, 50), BenchResult.Seconds),
        ];
    }

    private static async Task<double> SecondsToReadyAsync(BenchContext context, string schema)
    {
        var (api, seconds) = await ApiProcess.StartAsync(context, schema);
        await api.DisposeAsync();
        return seconds;
    }
}
