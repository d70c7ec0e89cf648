using Clinic.Domain.ClinicPolicies;

namespace Clinic.Domain.Sessions;

/// <summary><see cref="BookedAt"/> is the caller's clock when booking: a session is not booked to start before it.</summary>
public sealed record ScheduleSession(
    Guid PatientId,
    Guid SessionId,
    Guid PlanId,
    Guid PractitionerId,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    IntervalOverride? IntervalOverride,
    ClinicPolicy Policy,
    DateTimeOffset BookedAt) : ISessionBookingCommand;
