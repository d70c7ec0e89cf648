using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

public sealed record SessionPerformed(
    Guid PatientId,
    Guid SessionId,
    Guid PlanId,
    Guid PractitionerId,
    DateTimeOffset PerformedAt,
    PerformedTreatment Treatment) : IPatientEvent;
