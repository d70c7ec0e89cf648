namespace Clinic.Domain.Sessions;

/// <summary>The booked practitioner performed the session; their licence must be current at <see cref="PerformedAt"/>.</summary>
public sealed record RecordSessionPerformed(
    Guid PatientId,
    Guid SessionId,
    DateTimeOffset PerformedAt,
    PerformedTreatment Treatment) : ISessionBookingCommand;
