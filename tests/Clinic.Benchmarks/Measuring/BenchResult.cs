namespace Clinic.Benchmarks.Measuring;

/// <summary>
/// One line of the report. <see cref="Ratio"/> is always "higher is better, 1 = as fast as the floor":
/// ours/floor for a throughput, floor/ours for a latency.
/// </summary>
public sealed record BenchResult(string Name, double Ours, double Floor, string Unit, double Ratio)
{
    public const string EventsPerSecond = "events/s";
    public const string MessagesPerSecond = "msgs/s";
    public const string CommandsPerSecond = "cmds/s";
    public const string Microseconds = "µs";
    public const string Milliseconds = "ms";
    public const string Seconds = "s";
    public const string Megabytes = "MB";
    public const string Kilobytes = "kB";
    public const string Bytes = "B";
    public const string RoundTrips = "trips";

    /// <summary>How the growth workload's rows begin: their floor column is the same row on a nearly empty database.</summary>
    public const string GrowthPrefix = "growth: ";

    public static BenchResult Throughput(string name, double ours, double floor, string unit = EventsPerSecond) =>
        new(name, Math.Round(ours, 1), Math.Round(floor, 1), unit, Math.Round(ours / floor, 3));

    public static BenchResult Latency(string name, double ours, double floor, string unit = Microseconds) =>
        new(name, Math.Round(ours, 2), Math.Round(floor, 2), unit, Math.Round(floor / ours, 3));

    /// <summary>A figure plain Npgsql has no equivalent of: the floor repeats ours and the ratio is 1, keeping the row's shape.</summary>
    public static BenchResult WithoutFloor(string name, double ours, string unit) =>
        new(name, Math.Round(ours, 2), Math.Round(ours, 2), unit, 1);
}
