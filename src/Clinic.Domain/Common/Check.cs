namespace Clinic.Domain.Common;

/// <summary>Small rule helpers returning null when the rule holds, so rules chain with <c>??</c> and stop at the first refusal.</summary>
internal static class Check
{
    public static Refusal? That(bool holds, string code, string detail) =>
        holds ? null : new Refusal(code, detail);

    public static Refusal? NotBlank(string? value, string code, string what) =>
        That(!string.IsNullOrWhiteSpace(value), code, $"{what} is required.");

    public static Refusal? InRange(int value, int minimum, int maximum, string code, string what) =>
        That(value >= minimum && value <= maximum, code, $"{what} must be between {minimum} and {maximum} (was {value}).");

    /// <summary>Whether a rule may compute from <paramref name="date"/> without leaving the calendar (<see cref="CalendarDates.Earliest"/>).</summary>
    public static Refusal? InCalendar(DateOnly date, string what) =>
        That(date >= CalendarDates.Earliest && date <= CalendarDates.Latest, RefusalCodes.DateOutOfRange,
            $"{what} must be between {CalendarDates.Earliest:yyyy-MM-dd} and {CalendarDates.Latest:yyyy-MM-dd} (was {date:yyyy-MM-dd}).");

    public static Refusal? InCalendar(DateTimeOffset instant, string what) => InCalendar(instant.CalendarDate(), what);

    /// <summary>
    /// Whether what a caller records as having happened at <paramref name="instant"/> can have happened by
    /// <paramref name="now"/>, the caller's clock (<see cref="ClockSkew"/>).
    /// </summary>
    public static Refusal? NotInFuture(DateTimeOffset instant, DateTimeOffset now, string what) =>
        That(!ClockSkew.IsInFuture(instant, now), RefusalCodes.DateInFuture, $"{what} ({instant:O}) is later than now ({now:O}).");

    public static Refusal? NotInFuture(DateOnly date, DateTimeOffset now, string what) =>
        That(!ClockSkew.IsInFuture(date, now), RefusalCodes.DateInFuture, $"{what} ({date:yyyy-MM-dd}) is later than today ({now:O}).");

    public static Refusal? Defined<TEnum>(TEnum value, string code, string what) where TEnum : struct, Enum =>
        That(Enum.IsDefined(value), code, $"{what} '{value}' is not a known value.");

    public static Refusal? AllDefined<TEnum>(IEnumerable<TEnum> values, string code, string what) where TEnum : struct, Enum =>
        values.Select(value => Defined(value, code, what)).FirstOrDefault(refusal => refusal is not null);

    public static Refusal? IsNew<T>(T? existing, string what, Guid id) where T : class =>
        That(existing is null, RefusalCodes.DuplicateId, $"{what} {id} already exists.");

    public static Refusal? Found<T>(T? existing, string code, string what, Guid id) where T : class =>
        existing is null ? NotFound(code, what, id) : null;

    public static Refusal NotFound(string code, string what, Guid id) => new(code, $"{what} {id} does not exist.");

    public static Refusal Unsupported(object command) =>
        new(RefusalCodes.UnsupportedCommand, $"{command.GetType().Name} is not decided here.");
}
