using Clinic.Domain.ClinicPolicies;

namespace Clinic.Domain.Sessions;

/// <summary>
/// The booked practitioner performed the session at <see cref="PerformedAt"/>, which the rules check as they would a
/// booking at that time; <see cref="RecordedAt"/> is the caller's clock when recording it, so that a session is never
/// recorded as performed in the future. <see cref="RecordedBy"/> is the caller: the booked practitioner's user or a clinician.
/// </summary>
public sealed record RecordSessionPerformed(
    Guid PatientId,
    Guid SessionId,
    DateTimeOffset PerformedAt,
    PerformedTreatment Treatment,
    ClinicPolicy Policy,
    DateTimeOffset RecordedAt,
    SessionRecorder RecordedBy) : ISessionBookingCommand;
