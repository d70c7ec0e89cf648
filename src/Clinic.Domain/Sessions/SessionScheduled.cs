using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

public sealed record SessionScheduled(
    Guid PatientId,
    Guid SessionId,
    Guid PlanId,
    Guid PractitionerId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IntervalOverride? IntervalOverride) : IPatientEvent;
