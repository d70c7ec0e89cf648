using Clinic.Domain.ClinicPolicies;

namespace Clinic.Domain.Sessions;

public sealed record ScheduleSession(
    Guid PatientId,
    Guid SessionId,
    Guid PlanId,
    Guid PractitionerId,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    IntervalOverride? IntervalOverride,
    ClinicPolicy Policy) : ISessionBookingCommand;
