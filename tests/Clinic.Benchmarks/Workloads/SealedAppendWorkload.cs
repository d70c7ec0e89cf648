using Clinic.Api.Database;
using Clinic.Benchmarks.Measuring;
using Marten;
using Weasel.Core;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Patients' events, one command's events per transaction, through the application's Marten store (its inline history
/// and timeline included): as the application writes them, each event hash-chained by the trigger and personal values
/// sealed (each registration making its key in its transaction), against the same store without the chain's trigger,
/// writing them in clear. The ratio is ours / plain: what tamper evidence and encryption cost an append. Beside it, what
/// each event cost on either side in measures the machine's load hardly moves (<see cref="CostMeter"/>).
/// </summary>
public sealed class SealedAppendWorkload(IPatientTraffic traffic) : IWorkload
{
    public string Name => $"append with hash chain and encryption vs plain append ({traffic.Name})";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var sealedSchema = "bench_sealed_" + Guid.NewGuid().ToString("N")[..12];
        var plainSchema = "bench_plain_" + Guid.NewGuid().ToString("N")[..12];
        await using var sealedStore = new DocumentStore(ClinicMarten.Options(context.Marten, sealedSchema, BenchMarten.Keys(context.Marten, sealedSchema)));
        await using var plainStore = new DocumentStore(Plain(ClinicMarten.Options(context.Marten, plainSchema, BenchMarten.Keys(context.Marten, plainSchema))));
        try
        {
            await sealedStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await plainStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await using (var unchain = context.Floor.CreateCommand($"DROP TRIGGER {EventChainTrigger.Name} ON {plainSchema}.mt_events"))
                await unchain.ExecuteNonQueryAsync(context.Cancellation);
            var (warmUp, blocks) = traffic.Blocks(context.Scale);
            foreach (var block in warmUp)
            {
                await WriteAsync(sealedStore, block, context.Cancellation);
                await WriteAsync(plainStore, block, context.Cancellation);
            }
            // The server's next timed checkpoint then falls after the measured blocks (checkpoint_timeout, 5 minutes, is
            // counted from the last one): otherwise it lands in some blocks of one side or the other, with its full-page
            // writes after it and the checkpointer's CPU, and the server's cost per event swung by a third between runs.
            await using (var checkpoint = context.Floor.CreateCommand("CHECKPOINT"))
                await checkpoint.ExecuteNonQueryAsync(context.Cancellation);
            using var meter = await CostMeter.ForAsync(context.Floor, context.Cancellation);
            var (sealedMeasured, plainMeasured) = await Measure.InterleavedAsync(blocks.Count,
                block => WriteAsync(sealedStore, blocks[block], context.Cancellation),
                block => WriteAsync(plainStore, blocks[block], context.Cancellation), meter, context.Cancellation);
            double events = blocks.Sum(block => block.Events);
            return [BenchResult.Throughput(Name, events / sealedMeasured.Seconds, events / plainMeasured.Seconds), .. CostRows(sealedMeasured.Cost, plainMeasured.Cost, events)];
        }
        finally
        {
            foreach (var schema in new[] { sealedSchema, plainSchema })
            {
                await using var drop = context.Floor.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
                await drop.ExecuteNonQueryAsync(context.Cancellation);
            }
        }
    }

    /// <summary>What each event cost, sealed against plain.</summary>
    private IEnumerable<BenchResult> CostRows(Cost sealedCost, Cost plainCost, double events)
    {
        yield return BenchResult.Latency($"{Name}: client CPU per event", sealedCost.Client.TotalMicroseconds / events, plainCost.Client.TotalMicroseconds / events);
        if (sealedCost.Server is { } sealedServer && plainCost.Server is { } plainServer)
            yield return BenchResult.Latency($"{Name}: server CPU per event", sealedServer.TotalMicroseconds / events, plainServer.TotalMicroseconds / events);
        yield return BenchResult.Latency($"{Name}: bytes sent per event", sealedCost.BytesSent / events, plainCost.BytesSent / events, BenchResult.Bytes);
        yield return BenchResult.Latency($"{Name}: round trips per event", sealedCost.RoundTrips / events, plainCost.RoundTrips / events, BenchResult.RoundTrips);
        yield return BenchResult.Latency($"{Name}: WAL per event", sealedCost.WalBytes / events, plainCost.WalBytes / events, BenchResult.Bytes);
        yield return BenchResult.Latency($"{Name}: of the client CPU, JIT compiling", sealedCost.Jit.TotalMicroseconds / events, plainCost.Jit.TotalMicroseconds / events);
    }

    /// <summary>The application's store as it would be without sealing: its stored JSON in clear, and no keys made (the chain's trigger is dropped once applied).</summary>
    private static StoreOptions Plain(StoreOptions options)
    {
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, ClinicMarten.ConfigureStoredJson);
        options.Listeners.Clear();
        return options;
    }

    private static async Task WriteAsync(IDocumentStore store, PatientTrafficBlock block, CancellationToken cancellationToken)
    {
        foreach (var transaction in block.Transactions)
        {
            await using var session = store.LightweightSession(BenchContext.Tenant);
            transaction(session);
            await session.SaveChangesAsync(cancellationToken);
        }
    }
}
