using System.Text.RegularExpressions;
using Clinic.Api.Database;
using Clinic.Benchmarks.Http;
using Clinic.Benchmarks.Measuring;
using JasperFx.Events.Projections;

namespace Clinic.Benchmarks.Growth;

/// <summary>
/// A full rebuild of every async projection, one after the other, each by the API's own verb (<c>projections rebuild
/// --projection P --max-concurrent 1</c>, as docs/operations.md tells an operator to run it) in a process of the API's
/// build and configuration: the events it replays per second (the verb's own timing of the rebuild, without the
/// process's start-up) and the most memory the process held.
/// </summary>
public static class ProjectionRebuild
{
    public const double MemoryTargetMegabytes = 500;

    /// <summary>The verb gives up on a shard after 5 minutes by default: at 1M events a rebuild may take longer, and is measured, not cut.</summary>
    private const string ShardTimeout = "1h";

    public static async Task<IReadOnlyList<GrowthFigure>> MeasureAsync(BenchContext context, string schema, long events)
    {
        var figures = new List<GrowthFigure>();
        var peakMegabytes = 0.0;
        foreach (var projection in AsyncProjections(context, schema))
        {
            var run = await ApiProcess.RunVerbAsync(context, schema, "projections", "rebuild", "--projection", projection, "--max-concurrent", "1",
                "--shard-timeout", ShardTimeout);
            var seconds = RebuildSeconds(run.Output, projection);
            Console.WriteLine($"  rebuilt {projection}: {events:N0} events in {seconds:N1} s, peak {run.PeakMegabytes:N0} MB");
            figures.Add(GrowthFigure.Rate($"rebuild of the async projection {projection}", events / seconds, BenchResult.EventsPerSecond));
            peakMegabytes = Math.Max(peakMegabytes, run.PeakMegabytes);
        }
        figures.Add(GrowthFigure.Cost($"rebuild: peak memory of the verb's process (target ≤ {MemoryTargetMegabytes} MB)", peakMegabytes, BenchResult.Megabytes));
        return figures;
    }

    /// <summary>The async projections as the API's store options list them.</summary>
    private static IEnumerable<string> AsyncProjections(BenchContext context, string schema) =>
        ClinicMarten.Options(context.Marten, schema, BenchMarten.Keys(context.Marten, schema)).Projections.All
            .Where(projection => projection.Lifecycle == ProjectionLifecycle.Async).Select(projection => projection.Name);

    /// <summary>The rebuild's time as the verb prints it ("Finished rebuilding P in N ms").</summary>
    private static double RebuildSeconds(string output, string projection) =>
        Regex.Match(output, $@"Finished rebuilding {Regex.Escape(projection)} in (\d+) ms") is { Success: true } finished
            ? double.Parse(finished.Groups[1].Value) / 1000
            : throw new InvalidOperationException($"The rebuild of {projection} did not say it finished. Its output:\n{output}");
}
