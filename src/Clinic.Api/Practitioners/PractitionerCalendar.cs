using Clinic.Domain.Practitioners;

namespace Clinic.Api.Practitioners;

/// <summary>
/// The practitioner's state for booking, kept small: bookings that ended by <see cref="PrunedBy"/> are dropped
/// (<see cref="PractitionerState.WithoutBookingsEndedBy"/>). <see cref="Version"/> is the stream version it was folded
/// at, the one a booking decided on it appends at. <see cref="FoldedFromStreamStart"/> is false for a calendar the
/// inline projection began on a stream written before it existed: it misses that stream's past until a rebuild.
/// </summary>
public sealed record PractitionerCalendar(
    Guid Id, long Version, PractitionerState Practitioner, DateTimeOffset? PrunedBy, bool FoldedFromStreamStart)
{
    /// <summary>Whether a decision reading the calendar from <paramref name="readFrom"/> on (null: no booking) gets what the whole stream would give.</summary>
    public bool Serves(DateTimeOffset? readFrom) =>
        FoldedFromStreamStart && (readFrom is null || PrunedBy is null || PrunedBy <= readFrom);
}
