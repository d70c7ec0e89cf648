namespace Clinic.Benchmarks;

/// <summary>The command line: <c>[--quick] [--out results.json] [--only text] [--without-chain]</c>.</summary>
/// <param name="Only">Runs only the workloads whose name contains this text (for working on one of them).</param>
/// <param name="WithoutChain">Leaves out the events' hash chain (its trigger), to measure what it costs an append.</param>
public sealed record BenchArguments(bool Quick, string? OutputPath, string? Only = null, bool WithoutChain = false)
{
    public const string Usage = "usage: Clinic.Benchmarks [--quick] [--out results.json] [--only text] [--without-chain]";

    public BenchScale Scale => Quick ? BenchScale.Quick : BenchScale.Full;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        string? output = null;
        string? only = null;
        var withoutChain = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--only" when i + 1 < args.Count:
                    only = args[++i];
                    break;
                case "--without-chain":
                    withoutChain = true;
                    break;
                default:
                    throw new ArgumentException($"Unexpected argument '{args[i]}'.\n{Usage}");
            }
        }
        return new BenchArguments(quick, output, only, withoutChain);
    }
}
