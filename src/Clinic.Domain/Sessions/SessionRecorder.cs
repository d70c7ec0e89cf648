namespace Clinic.Domain.Sessions;

/// <summary>Who records a session performed: a user id (the token's subject), and whether that user is a clinician.</summary>
public sealed record SessionRecorder(string UserId, bool IsClinician);
