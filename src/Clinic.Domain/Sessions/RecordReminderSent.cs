using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

public sealed record RecordReminderSent(Guid PatientId, Guid SessionId, DateTimeOffset SentAt) : IPatientCommand;
