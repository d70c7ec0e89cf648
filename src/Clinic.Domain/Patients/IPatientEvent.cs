using Clinic.Domain.Common;

namespace Clinic.Domain.Patients;

public interface IPatientEvent : IDomainEvent
{
    Guid PatientId { get; }
}
