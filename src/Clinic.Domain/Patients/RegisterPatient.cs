namespace Clinic.Domain.Patients;

/// <summary><see cref="RecordedAt"/> is the caller's clock when registering: a date of birth is not after it.</summary>
public sealed record RegisterPatient(Guid PatientId, string ClinicId, PatientDetails Details, DateTimeOffset RecordedAt) : IPatientCommand;
