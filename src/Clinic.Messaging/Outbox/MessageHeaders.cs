namespace Clinic.Messaging.Outbox;

/// <summary>Where a message came from: the conversation and the command or message that caused it.</summary>
public sealed record MessageHeaders(string? CorrelationId, string? CausationId);
