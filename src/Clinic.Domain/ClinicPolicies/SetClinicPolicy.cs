namespace Clinic.Domain.ClinicPolicies;

public sealed record SetClinicPolicy(string ClinicId, ClinicPolicy Policy) : IClinicCommand;
