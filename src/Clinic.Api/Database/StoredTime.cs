namespace Clinic.Api.Database;

/// <summary>Times as PostgreSQL stores them: to the microsecond (.NET's ticks are tenths of one), so a time read back equals the one written.</summary>
public static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond));

    public static DateTime Of(DateTime at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond));
}
