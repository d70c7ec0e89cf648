namespace Clinic.Messaging.Idempotency;

/// <summary>The reply given to the first request with a key, kept to be given again, byte for byte.</summary>
public sealed record IdempotentReply(int Status, string? Location, string Body);
