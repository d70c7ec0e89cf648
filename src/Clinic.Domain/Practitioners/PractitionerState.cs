using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Clinic.Domain.Practitioners;

public sealed record PractitionerState
{
    public static PractitionerState Initial { get; } = new();

    public Guid PractitionerId { get; init; }

    public string? ClinicId { get; init; }

    public PractitionerDetails? Details { get; init; }

    /// <summary>Live bookings by session id; released ones are gone.</summary>
    public ImmutableDictionary<Guid, PractitionerBooking> Bookings { get; init; } =
        ImmutableDictionary<Guid, PractitionerBooking>.Empty;

    [MemberNotNullWhen(true, nameof(Details))]
    public bool IsRegistered => Details is not null;

    public bool IsLicensedOn(DateOnly date) => IsRegistered && date <= Details.LicenceExpiresOn;

    public PractitionerState WithBooking(PractitionerBooking booking) => this with { Bookings = Bookings.SetItem(booking.SessionId, booking) };

    /// <summary>
    /// The state without the bookings that ended by <paramref name="instant"/>: the same for every decision on a slot
    /// starting then or later (<see cref="Sessions.SessionBooking.CalendarReadFrom"/>), with a calendar that no longer
    /// grows with the practitioner's past.
    /// </summary>
    public PractitionerState WithoutBookingsEndedBy(DateTimeOffset instant) => this with
    {
        Bookings = Bookings.RemoveRange(Bookings.Values.Where(booking => booking.EndsAt <= instant).Select(booking => booking.SessionId)),
    };

    public PractitionerBooking? BookingOverlapping(DateTimeOffset startsAt, DateTimeOffset endsAt, Guid exceptSessionId) =>
        Bookings.Values.FirstOrDefault(booking =>
            booking.SessionId != exceptSessionId && booking.Overlaps(startsAt, endsAt));
}
