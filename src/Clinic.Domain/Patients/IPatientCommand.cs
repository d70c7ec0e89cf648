namespace Clinic.Domain.Patients;

/// <summary>A command decided on the patient stream alone by <see cref="PatientDecider"/>.</summary>
public interface IPatientCommand
{
    Guid PatientId { get; }
}
