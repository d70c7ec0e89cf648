using Clinic.Benchmarks.Floor;
using Clinic.Benchmarks.Ledger;
using Clinic.Benchmarks.Measuring;
using Clinic.Benchmarks.Workloads;

namespace Clinic.Benchmarks;

public static class Scratch
{
    public static async Task RunAsync(BenchContext context)
    {
        foreach (var perTx in new[] { 1, 100 })
        {
            await CompareAsync(context, perTx, "unnest vs values", a => a, a => new FloorAppender(context.Floor, a.Schema, a.Json, false) { Values = true });
            await CompareAsync(context, perTx, "unnest vs unnest-prepared", a => a, a => new FloorAppender(context.Floor, a.Schema, a.Json, false) { Prepare = true });
            await CompareAsync(context, perTx, "unnest vs values-prepared", a => a, a => new FloorAppender(context.Floor, a.Schema, a.Json, false) { Values = true, Prepare = true });
        }
    }

    private sealed record Target(string Schema, System.Text.Json.JsonSerializerOptions Json);

    private static async Task CompareAsync(BenchContext context, int perTx, string label, Func<FloorAppender, FloorAppender> a, Func<Target, FloorAppender> b)
    {
        var streams = LedgerStreams.Generate(perTx == 1 ? 5000 : 10000, 10, seed: 2);
        var warm = LedgerStreams.Generate(300, 10, seed: 1);
        await using var sa = await BenchSchema.CreateAsync(context);
        await using var sb = await BenchSchema.CreateAsync(context);
        var first = new FloorAppender(context.Floor, sa.Name, sa.Store.Options.Json, false);
        var second = b(new Target(sb.Name, sb.Store.Options.Json));
        await Appending.AppendAllAsync(first, warm, perTx, default);
        await Appending.AppendAllAsync(second, warm, perTx, default);
        var blocks = streams.Chunk(Math.Max(perTx, 100)).ToList();
        var (x, y) = await Measure.InterleavedAsync(blocks.Count, i => Appending.AppendAllAsync(first, blocks[i], perTx, default), i => Appending.AppendAllAsync(second, blocks[i], perTx, default));
        Console.WriteLine($"{perTx}/tx {label}: {streams.Count * 10 / x:N0} vs {streams.Count * 10 / y:N0} events/s");
    }
}
