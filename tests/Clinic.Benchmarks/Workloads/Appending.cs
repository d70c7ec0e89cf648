using Clinic.Benchmarks.Floor;
using Clinic.Benchmarks.Ledger;

namespace Clinic.Benchmarks.Workloads;

public static class Appending
{
    /// <summary>Streams per transaction when a workload only needs events in place (not measured).</summary>
    public const int SeedStreamsPerTransaction = 100;

    public static async Task AppendAllAsync(IAppender appender, IReadOnlyList<LedgerStream> streams, int streamsPerTransaction, CancellationToken cancellationToken)
    {
        foreach (var transaction in streams.Chunk(streamsPerTransaction))
            await appender.AppendAsync(transaction, cancellationToken);
    }

    /// <summary>
    /// Writes the streams' events into the schema with plain SQL, fast, and vacuums them: the starting
    /// point of the read workloads.
    /// </summary>
    public static async Task SeedAsync(BenchContext context, BenchSchema schema, IReadOnlyList<LedgerStream> streams)
    {
        await AppendAllAsync(new FloorAppender(context.Floor, schema.Name, FloorJson.Create(), withBalance: false),
            streams, SeedStreamsPerTransaction, context.Cancellation);
        await schema.VacuumAsync();
    }
}
