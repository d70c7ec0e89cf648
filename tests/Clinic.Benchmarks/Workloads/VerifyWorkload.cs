using Clinic.Api.Integrity;
using Clinic.Benchmarks.Floor;
using Clinic.Benchmarks.Http;
using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Measuring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workload 9: <c>verify</c> over a clinic of <see cref="BenchScale.VerifyEvents"/> events in 10-event streams, after a
/// checkpoint of them: every event hashed again and checked against its chain and the checkpoint's heads. Floor:
/// <see cref="FloorChainReader"/>, the same rows read and nothing checked.
/// </summary>
public sealed class VerifyWorkload : IWorkload
{
    private const int Rounds = 3;

    public string Name => "verify";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        if (!context.Chained)
            return [];
        var scale = context.Scale;
        await using var schema = await BenchSchema.CreateAsync(context);
        var streams = LedgerStreams.Generate(scale.VerifyEvents / scale.EventsPerStream, scale.EventsPerStream, seed: 9);
        await Appending.SeedAsync(context, schema, streams);
        await schema.VacuumAsync();

        var database = new IntegrityDatabase(context.Marten, schema.Name);
        using var signer = CheckpointSigner.From(new IntegritySettings { SigningKey = BenchApi.CheckpointKey },
            new HostingEnvironment { EnvironmentName = Environments.Production });
        var checkpoints = new CheckpointStore(database, signer, TimeProvider.System);
        await checkpoints.TakeAsync(BenchContext.Tenant, context.Cancellation);
        var verifier = new IntegrityVerifier(database, checkpoints, signer);
        var floor = new FloorChainReader(context.Floor, schema.Name);
        long events = scale.VerifyEvents;

        var (ours, floorThroughput) = await Measure.AlternatedRunsAsync(Rounds,
            () => Measure.EventsPerSecondAsync(events, () => VerifyAsync(verifier, events, context.Cancellation)),
            () => Measure.EventsPerSecondAsync(events, () => ReadAsync(floor, events, context.Cancellation)));
        return [BenchResult.Throughput($"verify, {events:N0} events", ours, floorThroughput)];
    }

    /// <summary>Fails the run unless every event was checked and verified (a fast check of the wrong work is worthless).</summary>
    private static async Task VerifyAsync(IntegrityVerifier verifier, long events, CancellationToken cancellationToken)
    {
        var report = await verifier.VerifyAsync(BenchContext.Tenant, exported: null, cancellationToken);
        if (!report.Verified || report.EventsChecked != events)
            throw new InvalidOperationException($"verify checked {report.EventsChecked} of {events} events and found {report.Breaks.Count} breaks.");
    }

    private static async Task ReadAsync(FloorChainReader floor, long events, CancellationToken cancellationToken)
    {
        var read = await floor.ReadAsync(BenchContext.Tenant, cancellationToken);
        if (read != events)
            throw new InvalidOperationException($"The floor read {read} of {events} events.");
    }
}
