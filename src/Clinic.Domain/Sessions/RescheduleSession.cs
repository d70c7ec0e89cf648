using Clinic.Domain.ClinicPolicies;

namespace Clinic.Domain.Sessions;

/// <summary>Moves a scheduled session, keeping its duration and practitioner.</summary>
public sealed record RescheduleSession(
    Guid PatientId,
    Guid SessionId,
    DateTimeOffset NewStartsAt,
    string Reason,
    IntervalOverride? IntervalOverride,
    ClinicPolicy Policy) : ISessionBookingCommand;
