namespace Clinic.Domain.ClinicPolicies;

/// <summary>A clinic that never set its policy runs on <see cref="ClinicPolicy.Default"/>.</summary>
public sealed record ClinicState(string ClinicId, ClinicPolicy Policy)
{
    public static ClinicState Initial { get; } = new("", ClinicPolicy.Default);
}
