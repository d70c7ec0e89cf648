using Clinic.Domain.Common;

namespace Clinic.Domain.ClinicPolicies;

public interface IClinicEvent : IDomainEvent
{
    string ClinicId { get; }
}
