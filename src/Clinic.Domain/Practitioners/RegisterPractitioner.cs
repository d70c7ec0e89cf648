namespace Clinic.Domain.Practitioners;

public sealed record RegisterPractitioner(Guid PractitionerId, string ClinicId, PractitionerDetails Details) : IPractitionerCommand;
