namespace Clinic.Domain.Practitioners;

/// <summary>A slot in the practitioner's calendar, as the half-open interval [StartsAt, EndsAt).</summary>
public sealed record PractitionerBooking(Guid SessionId, Guid PatientId, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool Overlaps(DateTimeOffset startsAt, DateTimeOffset endsAt) => StartsAt < endsAt && startsAt < EndsAt;
}
