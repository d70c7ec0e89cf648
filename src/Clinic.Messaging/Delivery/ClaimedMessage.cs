using Clinic.Messaging.Outbox;

namespace Clinic.Messaging.Delivery;

/// <summary>A message a dispatcher has reserved for delivery; <see cref="Attempts"/> counts this attempt.</summary>
public sealed record ClaimedMessage(Guid Id, string TenantId, string Type, string Body, MessageHeaders Headers, int Attempts)
{
    /// <summary>The inbox holds it already: an earlier delivery applied its effect, so it is only completed.</summary>
    public bool AlreadyHandled { get; init; }
}
