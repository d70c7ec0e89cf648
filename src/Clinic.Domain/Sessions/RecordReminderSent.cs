using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

/// <param name="ForStartsAt">The start the reminder was planned for; a reminder of a start the session no longer has is stale.</param>
public sealed record RecordReminderSent(Guid PatientId, Guid SessionId, DateTimeOffset SentAt, DateTimeOffset? ForStartsAt = null) : IPatientCommand;
