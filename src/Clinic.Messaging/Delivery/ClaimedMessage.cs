using Clinic.Messaging.Outbox;

namespace Clinic.Messaging.Delivery;

/// <summary>A message a dispatcher has reserved for delivery; <see cref="Attempts"/> counts this attempt.</summary>
public sealed record ClaimedMessage(Guid Id, string TenantId, string Type, string Body, MessageHeaders Headers, int Attempts);
