using System.Collections.Concurrent;
using System.Diagnostics;

namespace Clinic.Benchmarks.Measuring;

/// <summary>The wall time and per-operation latencies of one side of a workload run by concurrent clients.</summary>
public sealed class ConcurrentTimings
{
    private readonly List<double> _milliseconds = [];

    public double Seconds { get; private set; }
    public int Operations => _milliseconds.Count;
    public double PerSecond => Operations / Seconds;
    public double Percentile(double percentile) => Measure.Percentile(_milliseconds, percentile);

    /// <summary>
    /// Runs every client's operations, each client one after the other and the clients at the same time,
    /// and adds the wall time and each operation's latency.
    /// </summary>
    public async Task RunAsync<T>(IReadOnlyList<IReadOnlyList<T>> perClient, Func<T, Task> operation)
    {
        var latencies = new ConcurrentBag<double>();
        Seconds += await Measure.SecondsAsync(() => Task.WhenAll(perClient.Select(operations => Task.Run(async () =>
        {
            foreach (var item in operations)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(item);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }))));
        _milliseconds.AddRange(latencies);
    }
}
