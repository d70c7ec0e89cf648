using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

/// <summary><see cref="SessionStartsAt"/> is the start the reminder announced; a reschedule calls for a new one.</summary>
public sealed record SessionReminderSent(
    Guid PatientId,
    Guid SessionId,
    DateTimeOffset SessionStartsAt,
    DateTimeOffset SentAt) : IPatientEvent;
