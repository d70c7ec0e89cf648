namespace Clinic.Domain.Practitioners;

public sealed record PractitionerBooked(
    Guid PractitionerId,
    Guid SessionId,
    Guid PatientId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt) : IPractitionerEvent;
