using Clinic.Domain.Patients;

namespace Clinic.Api.Patients;

public sealed record PatientRequest
{
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public required Sex Sex { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }

    public PatientDetails ToDetails() => new(FirstName, LastName, DateOfBirth, Sex, Phone, Email);
}
