namespace Clinic.Domain.Common;

internal static class CalendarDates
{
    /// <summary>
    /// The dates a command may carry where a rule computes from them: at least a year from either end of the
    /// calendar, because rules add up to a year to such a date (screening validity, a plan's interval, reporting
    /// clocks, a session's end, an allergy reading) and timers are set a day before or after it.
    /// </summary>
    public static readonly DateOnly Earliest = DateOnly.MinValue.AddYears(1);

    public static readonly DateOnly Latest = DateOnly.MaxValue.AddYears(-1);

    /// <summary>
    /// The calendar date of an instant as read in the offset it carries: the API sends instants in the
    /// clinic's local offset, so this is the clinic's date.
    /// </summary>
    public static DateOnly CalendarDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.DateTime);

    /// <summary>The offset where dates begin first (UTC+14, the Line Islands).</summary>
    private static readonly TimeSpan FirstOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// The latest calendar date anywhere at <paramref name="instant"/>: the date where dates begin first. A caller's
    /// clock may be read in any offset (the API's is UTC), so a stated date is compared with this one.
    /// </summary>
    public static DateOnly LatestDateAt(DateTimeOffset instant) => instant.ToOffset(FirstOffset).CalendarDate();

    public static int DaysBetween(DateOnly first, DateOnly second) => Math.Abs(first.DayNumber - second.DayNumber);
}
