namespace Clinic.Messaging.DeadLetters;

/// <summary>
/// A message that failed every attempt. <see cref="Body"/> is its JSON, for inspection; <see cref="LastError"/>
/// is the type and message of the last exception, kept in the database only; <see cref="ScheduleKey"/> is the key
/// it was scheduled under, kept through a replay.
/// </summary>
public sealed record DeadLetter(
    Guid Id, string TenantId, string Type, string Body, int Attempts, string LastError, DateTimeOffset FailedAt, string? ScheduleKey);
