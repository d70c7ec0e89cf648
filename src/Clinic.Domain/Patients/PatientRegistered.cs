namespace Clinic.Domain.Patients;

public sealed record PatientRegistered(Guid PatientId, string ClinicId, PatientDetails Details) : IPatientEvent;
