namespace Clinic.Domain.Common;

/// <summary>
/// Compares an instant a caller states (a performed time, a booked start) with the caller's clock, which the command
/// carries as "now": the domain has no clock of its own. Clocks of devices drift a little apart, so an instant a few
/// minutes off still counts as now.
/// </summary>
internal static class ClockSkew
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool IsInFuture(DateTimeOffset instant, DateTimeOffset now) => instant > now + Tolerance;

    public static bool IsInPast(DateTimeOffset instant, DateTimeOffset now) => instant < now - Tolerance;
}
