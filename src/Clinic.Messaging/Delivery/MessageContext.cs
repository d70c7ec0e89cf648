using Clinic.Messaging.Commands;

namespace Clinic.Messaging.Delivery;

/// <summary>A message being delivered: its id, tenant, attempt and origin, and the command bus to act through.</summary>
public sealed class MessageContext(ClaimedMessage message, CommandBus bus)
{
    /// <summary>The actor recorded on what a message handler does.</summary>
    public const string SystemActor = "system:messaging";

    public const string SystemRole = "system";

    public Guid MessageId => message.Id;
    public string TenantId => message.TenantId;
    public int Attempt => message.Attempts;
    public string? CorrelationId => message.Headers.CorrelationId;

    /// <summary>When the message was due (its scheduled time, or its retry's), as the sender wrote it.</summary>
    public DateTimeOffset DueAt => message.DueAt;

    /// <summary>Set by <see cref="Reschedule"/>.</summary>
    internal TimeSpan? RescheduledAfter { get; private set; }

    /// <summary>
    /// Asks for this message to be delivered again after <paramref name="delay"/> instead of being completed, for a
    /// handler that finds it came too early. Unlike a failure, this attempt does not count toward
    /// <see cref="MessagingOptions.MaxAttempts"/>. The delay runs from when the handler returns.
    /// </summary>
    public void Reschedule(TimeSpan delay) => RescheduledAfter = delay > TimeSpan.Zero ? delay : TimeSpan.Zero;

    /// <summary>
    /// Runs a command as the messaging system, in the message's tenant. Its effect and the message's inbox entry
    /// commit together, so a second delivery of this message does not apply it again.
    /// </summary>
    public Task<CommandResult> InvokeAsync<TCommand>(TCommand command, CancellationToken cancellationToken) =>
        bus.InvokeAsync(command,
            new CommandContext(TenantId, SystemActor, SystemRole, CorrelationId ?? MessageId.ToString())
            {
                MessageId = MessageId,
                ClaimToken = message.ClaimToken,
            },
            cancellationToken: cancellationToken);
}
