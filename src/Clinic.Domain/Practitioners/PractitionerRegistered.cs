namespace Clinic.Domain.Practitioners;

public sealed record PractitionerRegistered(Guid PractitionerId, string ClinicId, PractitionerDetails Details) : IPractitionerEvent;
