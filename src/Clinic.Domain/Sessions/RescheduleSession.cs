using Clinic.Domain.ClinicPolicies;

namespace Clinic.Domain.Sessions;

/// <summary>Moves a scheduled session, keeping its duration and practitioner; not to a start before <see cref="RescheduledAt"/>.</summary>
public sealed record RescheduleSession(
    Guid PatientId,
    Guid SessionId,
    DateTimeOffset NewStartsAt,
    string Reason,
    IntervalOverride? IntervalOverride,
    ClinicPolicy Policy,
    DateTimeOffset RescheduledAt) : ISessionBookingCommand;
