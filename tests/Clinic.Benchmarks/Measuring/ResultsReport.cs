using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clinic.Benchmarks.Measuring;

/// <summary>The results as a table on the console and as a JSON array for tools.</summary>
public static class ResultsReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for tools and people, not HTML: keep "+" and "µ" readable
    };

    public static void Print(IReadOnlyList<BenchResult> results)
    {
        if (results.Count == 0)
        {
            Console.WriteLine();
            Console.WriteLine("No workload matched: nothing was measured (check --only).");
            return;
        }
        var width = results.Max(r => r.Name.Length);
        Console.WriteLine();
        Console.WriteLine($"{"workload".PadRight(width)}  {"ours",12}  {"floor",12}  {"unit",-8}  {"ratio",6}");
        Console.WriteLine(new string('-', width + 48));
        foreach (var r in results)
            Console.WriteLine($"{r.Name.PadRight(width)}  {Number(r.Ours),12}  {Number(r.Floor),12}  {r.Unit,-8}  {r.Ratio,6:0.000}");
        Console.WriteLine();
        Console.WriteLine("ratio: higher is better, 1.000 = as fast as plain Npgsql doing the same work.");
        Console.WriteLine("       throughput rows (per second): ours / floor;  latency rows (µs, ms): floor / ours.");
        if (results.Any(r => r.Unit == BenchResult.Seconds))
            Console.WriteLine("       rows in s (start-up) have no floor: it repeats ours and the ratio is 1.");
        if (results.Any(r => r.Name.StartsWith(BenchResult.GrowthPrefix, StringComparison.Ordinal)))
            Console.WriteLine("       growth rows: ours is the figure at full size, the floor column the same figure on a nearly empty database;\n" +
                              "       the ratio is at size / empty for a rate, empty / at size for a cost (1.000 = flat as the data grows).");
    }

    public static async Task WriteAsync(string path, IReadOnlyList<BenchResult> results)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, results, Json);
    }

    private static string Number(double value) => value.ToString(value >= 1000 ? "N0" : "N1", CultureInfo.InvariantCulture);
}
