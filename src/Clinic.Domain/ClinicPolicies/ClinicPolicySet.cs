namespace Clinic.Domain.ClinicPolicies;

public sealed record ClinicPolicySet(string ClinicId, ClinicPolicy Policy) : IClinicEvent;
