namespace Clinic.Domain.Common;

internal static class CalendarDates
{
    /// <summary>
    /// The calendar date of an instant as read in the offset it carries: the API sends instants in the
    /// clinic's local offset, so this is the clinic's date.
    /// </summary>
    public static DateOnly CalendarDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.DateTime);

    public static int DaysBetween(DateOnly first, DateOnly second) => Math.Abs(first.DayNumber - second.DayNumber);
}
