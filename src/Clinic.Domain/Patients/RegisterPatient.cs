namespace Clinic.Domain.Patients;

public sealed record RegisterPatient(Guid PatientId, string ClinicId, PatientDetails Details) : IPatientCommand;
