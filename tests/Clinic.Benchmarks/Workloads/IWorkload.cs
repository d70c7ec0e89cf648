using Clinic.Benchmarks.Measuring;

namespace Clinic.Benchmarks.Workloads;

/// <summary>One comparison of our store with the floor (plain Npgsql doing the same work).</summary>
public interface IWorkload
{
    string Name { get; }

    Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context);
}
