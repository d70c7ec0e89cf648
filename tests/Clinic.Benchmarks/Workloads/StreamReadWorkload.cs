using Clinic.Benchmarks.Floor;
using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Measuring;
using Clinic.Benchmarks.Ours;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workload 6: read one 10-event stream and fold it, one read at a time, ours and the floor alternating
/// read by read (which side goes first alternates too) over the same rows, random streams.
/// </summary>
public sealed class StreamReadWorkload : IWorkload
{
    private const int WarmupReads = 200;

    public string Name => "read + fold one 10-event stream";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var scale = context.Scale;
        await using var schema = await BenchSchema.CreateAsync(context);
        var streams = LedgerStreams.Generate(scale.ReadStreams, scale.EventsPerStream, seed: 5);
        await Appending.SeedAsync(context, schema, streams);

        var ours = new OursStreamFolder(schema.Store);
        var floor = new FloorStreamFolder(context.Floor, schema.Name, FloorJson.Create());
        var random = new Random(6);
        await ReadAllAsync(ours, floor, Pick(streams, WarmupReads, random), context.Cancellation);
        var (oursSamples, floorSamples) = await ReadAllAsync(ours, floor, Pick(streams, scale.Reads, random), context.Cancellation);
        return
        [
            BenchResult.Latency("read + fold 10 events, p50", Measure.Percentile(oursSamples, 50), Measure.Percentile(floorSamples, 50)),
            BenchResult.Latency("read + fold 10 events, p99", Measure.Percentile(oursSamples, 99), Measure.Percentile(floorSamples, 99)),
        ];
    }

    private static List<Guid> Pick(IReadOnlyList<LedgerStream> streams, int count, Random random) =>
        Enumerable.Range(0, count).Select(_ => streams[random.Next(streams.Count)].Id).ToList();

    /// <summary>Each stream read by both sides, the first side alternating; checks both folded the same state.</summary>
    private static async Task<(List<double> Ours, List<double> Floor)> ReadAllAsync(
        IStreamFolder ours, IStreamFolder floor, IReadOnlyList<Guid> streamIds, CancellationToken cancellationToken)
    {
        var (oursSamples, floorSamples) = (new List<double>(), new List<double>());
        for (var i = 0; i < streamIds.Count; i++)
        {
            var oursFirst = i % 2 == 0;
            var first = await TimedFoldAsync(oursFirst ? ours : floor, streamIds[i], oursFirst ? oursSamples : floorSamples, cancellationToken);
            var second = await TimedFoldAsync(oursFirst ? floor : ours, streamIds[i], oursFirst ? floorSamples : oursSamples, cancellationToken);
            if (first != second)
                throw new InvalidOperationException($"Ours and the floor folded stream {streamIds[i]} differently: {first} vs {second}.");
        }
        return (oursSamples, floorSamples);
    }

    private static async Task<(LedgerState, long)> TimedFoldAsync(
        IStreamFolder folder, Guid streamId, List<double> samples, CancellationToken cancellationToken)
    {
        (LedgerState, long) folded = default;
        samples.Add(await Measure.MicrosecondsAsync(async () => folded = await folder.FoldAsync(streamId, cancellationToken)));
        return folded;
    }
}
