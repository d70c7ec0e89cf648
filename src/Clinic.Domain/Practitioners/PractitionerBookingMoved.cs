namespace Clinic.Domain.Practitioners;

public sealed record PractitionerBookingMoved(
    Guid PractitionerId,
    Guid SessionId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt) : IPractitionerEvent;
