using Clinic.Domain.Patients;

namespace Clinic.Domain.Sessions;

public sealed record SessionRescheduled(
    Guid PatientId,
    Guid SessionId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Reason,
    IntervalOverride? IntervalOverride) : IPatientEvent;
