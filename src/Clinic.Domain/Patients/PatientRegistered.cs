namespace Clinic.Domain.Patients;

/// <summary><see cref="RegisteredAt"/> starts the retention of a patient never treated; null in registrations recorded before it existed.</summary>
public sealed record PatientRegistered(Guid PatientId, string ClinicId, PatientDetails Details, DateTimeOffset? RegisteredAt = null) : IPatientEvent;
