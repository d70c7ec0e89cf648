using Clinic.Benchmarks.Floor;
using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Measuring;
using Clinic.Benchmarks.Ours;
using JasperFx.Events.Projections;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workloads 1-4: start new ledger streams (10 events each) from one sequential writer, a given number
/// of streams per transaction, optionally with the ledger balance projection inline (the floor then
/// writes the same document row in the same transaction). Each side writes into a fresh schema of its
/// own; after a warm-up, the two take turns by blocks of about 1,000 events.
/// </summary>
public sealed class AppendWorkload(int streamsPerTransaction, bool inlineProjection) : IWorkload
{
    private const int EventsPerBlock = 1_000;

    public string Name =>
        $"append{(inlineProjection ? " + inline projection" : "")}, {streamsPerTransaction} stream{(streamsPerTransaction == 1 ? "" : "s")}/tx";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var scale = context.Scale;
        var warmup = LedgerStreams.Generate(scale.WarmupStreams, scale.EventsPerStream, seed: 1);
        var measured = LedgerStreams.Generate(scale.AppendStreams, scale.EventsPerStream, seed: 2);
        await using var oursSchema = await CreateSchemaAsync(context);
        await using var floorSchema = await CreateSchemaAsync(context);
        var ours = new OursAppender(oursSchema.Store);
        var floor = new FloorAppender(context.Floor, floorSchema.Name, FloorJson.Create(), inlineProjection);

        await AppendAsync(ours, warmup, context);
        await AppendAsync(floor, warmup, context);
        var blocks = measured.Chunk(Math.Max(streamsPerTransaction, EventsPerBlock / scale.EventsPerStream)).ToList();
        var (oursSeconds, floorSeconds) = await Measure.InterleavedAsync(blocks.Count,
            block => AppendAsync(ours, blocks[block], context),
            block => AppendAsync(floor, blocks[block], context));

        await VerifyAsync(oursSchema, [.. warmup, .. measured]);
        await VerifyAsync(floorSchema, [.. warmup, .. measured]);
        await ExpectSameRowsAsync(oursSchema, floorSchema);
        var events = measured.Sum(s => s.Events.Count);
        return [BenchResult.Throughput(Name, events / oursSeconds, events / floorSeconds)];
    }

    /// <summary>What the floor must have written as Marten did: every column but generated ids, sequence numbers and times.</summary>
    private async Task ExpectSameRowsAsync(BenchSchema ours, BenchSchema floor)
    {
        await ours.ExpectSameRowsAsync(floor, "mt_streams", "id, type, version, tenant_id, is_archived");
        await ours.ExpectSameRowsAsync(floor, "mt_events",
            "stream_id, version, data, type, tenant_id, mt_dotnet_type, is_archived, correlation_id, causation_id, headers");
        if (inlineProjection)
            await ours.ExpectSameRowsAsync(floor, LedgerBalance.Table, "tenant_id, id, data, mt_version, mt_dotnet_type, owner, balance");
    }

    private Task<BenchSchema> CreateSchemaAsync(BenchContext context) =>
        BenchSchema.CreateAsync(context, inlineProjection ? ProjectionLifecycle.Inline : null);

    private Task AppendAsync(IAppender appender, IReadOnlyList<LedgerStream> streams, BenchContext context) =>
        Appending.AppendAllAsync(appender, streams, streamsPerTransaction, context.Cancellation);

    private async Task VerifyAsync(BenchSchema schema, IReadOnlyList<LedgerStream> written)
    {
        await schema.ExpectRowsAsync("mt_streams", written.Count);
        await schema.ExpectRowsAsync("mt_events", written.Sum(s => s.Events.Count));
        await schema.ExpectRowsAsync(LedgerBalance.Table, inlineProjection ? written.Count : 0);
    }
}
