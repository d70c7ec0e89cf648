namespace Clinic.Domain.Common;

/// <summary>
/// Compares an instant a caller states (a performed time, a booked start) with the caller's clock, which the command
/// carries as "now": the domain has no clock of its own. Clocks of devices drift a little apart, so an instant a few
/// minutes off still counts as now.
/// </summary>
internal static class ClockSkew
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    // Compared as differences, which cannot overflow, so that an instant at either end of the calendar is refused, not thrown on.
    public static bool IsInFuture(DateTimeOffset instant, DateTimeOffset now) => instant - now > Tolerance;

    public static bool IsInPast(DateTimeOffset instant, DateTimeOffset now) => now - instant > Tolerance;

    /// <summary>
    /// A date is in the future when it has begun nowhere yet, even where dates begin first
    /// (<see cref="CalendarDates.LatestDateAt"/>): the clinic's offset is not known, and no clinic's today is refused.
    /// </summary>
    public static bool IsInFuture(DateOnly date, DateTimeOffset now) => date > CalendarDates.LatestDateAt(now + Tolerance);
}
