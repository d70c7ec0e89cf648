using System.Diagnostics;

namespace Clinic.Benchmarks.Measuring;

/// <summary>The measuring helpers every workload shares.</summary>
public static class Measure
{
    public static async Task<double> SecondsAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Runs <paramref name="once"/> <paramref name="count"/> times, one after the other: each run's milliseconds.</summary>
    public static async Task<List<double>> MillisecondsEachAsync(int count, Func<Task> once)
    {
        var milliseconds = new List<double>(count);
        for (var i = 0; i < count; i++)
            milliseconds.Add(await SecondsAsync(once) * 1_000);
        return milliseconds;
    }

    public static async Task<double> EventsPerSecondAsync(long events, Func<Task> work) => events / await SecondsAsync(work);

    public static async Task<double> MicrosecondsAsync(Func<Task> work) => await SecondsAsync(work) * 1_000_000;

    /// <summary>Nearest-rank percentile (0-100) of the samples.</summary>
    public static double Percentile(IReadOnlyCollection<double> samples, double percentile)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// Runs <paramref name="work"/> on every side, <paramref name="blocks"/> times, which goes first alternating (the
    /// sides in order, then reversed, ...), so that all meet the same server, disk and machine conditions.
    /// </summary>
    public static async Task AlternateAsync<T>(IReadOnlyList<T> sides, int blocks, Func<T, int, Task> work)
    {
        for (var block = 0; block < blocks; block++)
            foreach (var side in block % 2 == 0 ? sides : sides.Reverse())
                await work(side, block);
    }

    /// <summary>Runs both sides block by block, alternating which goes first (ours-floor, floor-ours, ...); gives each side's total time in seconds.</summary>
    public static async Task<(double Ours, double Floor)> InterleavedAsync(int blocks, Func<int, Task> ours, Func<int, Task> floor)
    {
        var (oursMeasured, floorMeasured) = await InterleavedAsync(blocks, ours, floor, meter: null, CancellationToken.None);
        return (oursMeasured.Seconds, floorMeasured.Seconds);
    }

    /// <summary>
    /// As <see cref="InterleavedAsync(int, Func{int, Task}, Func{int, Task})"/>, with what each side's blocks cost as
    /// <paramref name="meter"/> reads it around each block (outside its timing).
    /// </summary>
    public static async Task<(Measured Ours, Measured Floor)> InterleavedAsync(
        int blocks, Func<int, Task> ours, Func<int, Task> floor, CostMeter? meter, CancellationToken cancellationToken)
    {
        Func<int, Task>[] sides = [ours, floor];
        var measured = new[] { Measured.None, Measured.None };
        await AlternateAsync([0, 1], blocks,
            async (side, block) => measured[side] = await measured[side].AddAsync(() => sides[side](block), meter, cancellationToken));
        return (measured[0], measured[1]);
    }

    /// <summary>
    /// For work that cannot be cut into blocks: whole runs of each side, alternating which goes first,
    /// <paramref name="rounds"/> times; gives the median of each side.
    /// </summary>
    public static async Task<(double Ours, double Floor)> AlternatedRunsAsync(int rounds, Func<Task<double>> ours, Func<Task<double>> floor)
    {
        Func<Task<double>>[] sides = [ours, floor];
        List<double>[] runs = [[], []];
        await AlternateAsync([0, 1], rounds, async (side, round) =>
        {
            runs[side].Add(await sides[side]());
            if (runs[0].Count == runs[1].Count)
                Console.WriteLine($"    round {round + 1}: ours {runs[0][^1],10:N0}   floor {runs[1][^1],10:N0}");
        });
        return (Percentile(runs[0], 50), Percentile(runs[1], 50));
    }
}

/// <summary>One side's total wall-clock seconds and, when it was metered, what its work cost.</summary>
public sealed record Measured(double Seconds, Cost Cost)
{
    public static readonly Measured None = new(0, Cost.None);

    public async Task<Measured> AddAsync(Func<Task> work, CostMeter? meter, CancellationToken cancellationToken)
    {
        var before = meter is null ? Cost.None : await meter.ReadAsync(cancellationToken);
        var seconds = await Measure.SecondsAsync(work);
        var spent = meter is null ? Cost.None : await meter.ReadAsync(cancellationToken) - before;
        return new Measured(Seconds + seconds, Cost + spent);
    }
}
