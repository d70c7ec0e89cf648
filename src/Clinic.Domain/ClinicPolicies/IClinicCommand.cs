namespace Clinic.Domain.ClinicPolicies;

public interface IClinicCommand
{
    string ClinicId { get; }
}
