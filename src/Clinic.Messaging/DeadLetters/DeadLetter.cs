namespace Clinic.Messaging.DeadLetters;

/// <summary>A message that failed every attempt. <see cref="Body"/> is its JSON, for inspection.</summary>
public sealed record DeadLetter(Guid Id, string TenantId, string Type, string Body, int Attempts, string LastError, DateTimeOffset FailedAt);
