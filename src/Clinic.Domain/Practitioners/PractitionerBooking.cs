namespace Clinic.Domain.Practitioners;

/// <summary>
/// A slot in the practitioner's calendar, as the half-open interval [StartsAt, EndsAt). Whose session it is stays in the
/// events: a move must be able to restore a booking pruned from the calendar, and the move does not name the patient.
/// </summary>
public sealed record PractitionerBooking(Guid SessionId, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool Overlaps(DateTimeOffset startsAt, DateTimeOffset endsAt) => StartsAt < endsAt && startsAt < EndsAt;
}
