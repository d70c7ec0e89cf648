namespace Clinic.Domain.Practitioners;

public sealed record PractitionerBookingReleased(Guid PractitionerId, Guid SessionId) : IPractitionerEvent;
