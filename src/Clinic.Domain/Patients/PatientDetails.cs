namespace Clinic.Domain.Patients;

public sealed record PatientDetails(
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Phone,
    string? Email);
