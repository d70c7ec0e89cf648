namespace Clinic.Benchmarks.Measuring;

/// <summary>
/// One line of the report. <see cref="Ratio"/> is always "higher is better, 1 = as fast as the floor":
/// ours/floor for a throughput, floor/ours for a latency.
/// </summary>
public sealed record BenchResult(string Name, double Ours, double Floor, string Unit, double Ratio)
{
    public const string EventsPerSecond = "events/s";
    public const string Microseconds = "µs";

    public static BenchResult Throughput(string name, double ours, double floor) =>
        new(name, Math.Round(ours, 1), Math.Round(floor, 1), EventsPerSecond, Math.Round(ours / floor, 3));

    public static BenchResult Latency(string name, double oursMicroseconds, double floorMicroseconds) =>
        new(name, Math.Round(oursMicroseconds, 1), Math.Round(floorMicroseconds, 1), Microseconds, Math.Round(floorMicroseconds / oursMicroseconds, 3));
}
