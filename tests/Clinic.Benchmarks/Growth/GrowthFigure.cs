namespace Clinic.Benchmarks.Growth;

/// <summary>
/// One figure of a growth row, measured on one database (nearly empty, or filled). <see cref="HigherIsBetter"/> for a rate
/// (per second); a cost (time, memory, size) is better lower.
/// </summary>
public sealed record GrowthFigure(string Row, double Value, string Unit, bool HigherIsBetter)
{
    public static GrowthFigure Rate(string row, double value, string unit) => new(row, value, unit, HigherIsBetter: true);

    public static GrowthFigure Cost(string row, double value, string unit) => new(row, value, unit, HigherIsBetter: false);
}
