using Clinic.Domain.Common;

namespace Clinic.Domain.Practitioners;

public interface IPractitionerEvent : IDomainEvent
{
    Guid PractitionerId { get; }
}
