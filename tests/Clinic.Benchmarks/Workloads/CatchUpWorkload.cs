using Clinic.Benchmarks.Floor;
using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Measuring;
using JasperFx.Events.Projections;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workload 5: the ledger balance projection catches up, asynchronously, over events already in the
/// store. Ours: Marten's projection daemon, timed from its start until WaitForNonStaleData returns. Floor:
/// <see cref="FloorProjector"/> until it finds no event left.
/// </summary>
public sealed class CatchUpWorkload : IWorkload
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public string Name => "async daemon catch-up";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var scale = context.Scale;
        var warmup = LedgerStreams.Generate(scale.WarmupStreams, scale.EventsPerStream, seed: 3);
        var measured = LedgerStreams.Generate(scale.CatchUpStreams, scale.EventsPerStream, seed: 4);
        var (ours, floor) = await Measure.AlternatedRunsAsync(scale.CatchUpRounds,
            () => RunSideAsync(context, OursAsync, warmup, measured),
            () => RunSideAsync(context, FloorAsync, warmup, measured));
        return [BenchResult.Throughput(Name, ours, floor)];
    }

    /// <summary>One side: a warm-up catch-up over a small schema, then the measured one over a fresh schema.</summary>
    private static async Task<double> RunSideAsync(
        BenchContext context, Func<BenchContext, BenchSchema, long, Task<double>> catchUp,
        IReadOnlyList<LedgerStream> warmup, IReadOnlyList<LedgerStream> measured)
    {
        await CatchUpOnceAsync(context, catchUp, warmup);
        return await CatchUpOnceAsync(context, catchUp, measured);
    }

    private static async Task<double> CatchUpOnceAsync(
        BenchContext context, Func<BenchContext, BenchSchema, long, Task<double>> catchUp, IReadOnlyList<LedgerStream> streams)
    {
        await using var schema = await BenchSchema.CreateAsync(context, ProjectionLifecycle.Async);
        await Appending.SeedAsync(context, schema, streams);
        var throughput = await catchUp(context, schema, streams.Sum(s => (long)s.Events.Count));
        await schema.ExpectRowsAsync(LedgerBalance.Table, streams.Count);
        return throughput;
    }

    private static async Task<double> OursAsync(BenchContext context, BenchSchema schema, long events)
    {
        using var daemon = await schema.Store.BuildProjectionDaemonAsync();
        var throughput = await Measure.EventsPerSecondAsync(events, async () =>
        {
            await daemon.StartAllAsync();
            await daemon.WaitForNonStaleData(Timeout);
        });
        await daemon.StopAllAsync();
        return throughput;
    }

    private static Task<double> FloorAsync(BenchContext context, BenchSchema schema, long events)
    {
        var projector = new FloorProjector(context.Floor, schema.Name, FloorJson.Create(), new LedgerBalanceProjection().Options.BatchSize);
        return Measure.EventsPerSecondAsync(events, () => projector.CatchUpAsync(context.Cancellation));
    }
}
