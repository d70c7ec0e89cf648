namespace Clinic.Api.Workflow;

/// <summary>Scheduled 24 hours before a session: remind the patient, unless the session moved or was cancelled.</summary>
public sealed record SendSessionReminder(Guid PatientId, Guid SessionId, DateTimeOffset SessionStartsAt);
