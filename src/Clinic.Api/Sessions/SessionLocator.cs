namespace Clinic.Api.Sessions;

/// <summary>Which patient's record and which practitioner's calendar a session belongs to, and how long it was booked for.</summary>
public sealed record SessionLocator(Guid Id, Guid PatientId, Guid PractitionerId, int BookedMinutes);
