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

    public PractitionerBooking? BookingOverlapping(DateTimeOffset startsAt, DateTimeOffset endsAt, Guid exceptSessionId) =>
        Bookings.Values.FirstOrDefault(booking =>
            booking.SessionId != exceptSessionId && booking.Overlaps(startsAt, endsAt));
}
