namespace Clinic.Messaging.Idempotency;

/// <summary>A caller's key for one command, with a hash of the request it came with.</summary>
public sealed record IdempotencyKey(string Key, string RequestHash);
