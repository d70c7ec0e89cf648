using Clinic.Domain.Common;

namespace Clinic.Domain.Patients;

public sealed record PatientDetails(
    [property: PersonalData] string FirstName,
    [property: PersonalData] string LastName,
    [property: PersonalData] DateOnly DateOfBirth,
    Sex Sex,
    [property: PersonalData] string? Phone,
    [property: PersonalData] string? Email);
