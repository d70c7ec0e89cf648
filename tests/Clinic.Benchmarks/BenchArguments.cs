namespace Clinic.Benchmarks;

/// <summary>The command line: <c>[--quick] [--out results.json]</c>.</summary>
public sealed record BenchArguments(bool Quick, string? OutputPath)
{
    public const string Usage = "usage: Clinic.Benchmarks [--quick] [--out results.json]";

    public BenchScale Scale => Quick ? BenchScale.Quick : BenchScale.Full;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        string? output = null;
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
                default:
                    throw new ArgumentException($"Unexpected argument '{args[i]}'.\n{Usage}");
            }
        }
        return new BenchArguments(quick, output);
    }
}
