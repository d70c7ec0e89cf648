using Clinic.Messaging.Outbox;

namespace Clinic.Messaging.Delivery;

/// <summary>
/// A message a dispatcher has reserved for delivery under <see cref="ClaimToken"/> (one token per claim);
/// <see cref="Attempts"/> counts this attempt.
/// </summary>
public sealed record ClaimedMessage(Guid Id, string TenantId, string Type, string Body, MessageHeaders Headers, int Attempts, Guid ClaimToken)
{
    /// <summary>When the message was due: its scheduled time, or the time of its retry.</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>The inbox holds it already: an earlier delivery applied its effect, so it is only completed.</summary>
    public bool AlreadyHandled { get; init; }
}
