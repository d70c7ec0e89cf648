using Clinic.Domain.ClinicPolicies;

namespace Clinic.Api.Demo;

/// <summary>
/// The demo clinic as the seed builds it: its practitioners, their calendars and "now". The domain has no clock,
/// so past sessions are booked and performed at past times, which its rules allow.
/// </summary>
internal sealed class DemoClinic(DateTimeOffset now, IReadOnlyList<DemoPractitioner> practitioners)
{
    private readonly HashSet<(Guid Practitioner, DateOnly Date, int Hour)> _booked = [];

    public const int FirstHour = 9;
    public const int LastHour = 17;

    public ClinicPolicy Policy { get; } = ClinicPolicy.Default;
    public DateTimeOffset Now { get; } = now;
    public DateOnly Today { get; } = DateOnly.FromDateTime(now.UtcDateTime);

    public IReadOnlyList<DemoPractitioner> Practitioners { get; } = practitioners;

    /// <summary>The practitioner who reviews serious side effects.</summary>
    public DemoPractitioner Reviewer => Licensed[0];

    private IReadOnlyList<DemoPractitioner> Licensed => Practitioners.Where(p => p.IsLicensedOn(Today)).ToList();

    private DemoPractitioner Lapsed => Practitioners.Single(p => !p.IsLicensedOn(Today));

    /// <summary>Patients are shared out among the licensed practitioners; a few were first seen by the one whose licence lapsed.</summary>
    public DemoPractitioner PractitionerOf(int patientNumber, bool firstSeenByLapsed) =>
        firstSeenByLapsed ? Lapsed : Licensed[patientNumber % Licensed.Count];

    /// <summary>On a date the first practitioner can no longer treat, a licensed colleague takes over.</summary>
    public DemoPractitioner TreatingOn(DateOnly date, DemoPractitioner first, int patientNumber) =>
        first.IsLicensedOn(date) ? first : Licensed[patientNumber % Licensed.Count];

    /// <summary>The first free hour of the practitioner's day: no practitioner is ever booked twice at once.</summary>
    public DateTimeOffset Book(DemoPractitioner practitioner, DateOnly date) =>
        TryBook(practitioner, date) ?? throw new InvalidOperationException($"The demo calendar of {practitioner.Details.Name} is full on {date:yyyy-MM-dd}.");

    /// <summary>The first free hour of the practitioner's day, taken; null when her day is full.</summary>
    public DateTimeOffset? TryBook(DemoPractitioner practitioner, DateOnly date)
    {
        for (var hour = FirstHour; hour <= LastHour; hour++)
            if (_booked.Add((practitioner.Id, date, hour)))
                return At(date, hour);
        return null;
    }

    /// <summary>A time of day at the clinic (the demo clinic keeps UTC).</summary>
    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) =>
        new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);
}
