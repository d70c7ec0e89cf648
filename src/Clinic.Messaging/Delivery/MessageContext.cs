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

    /// <summary>
    /// Runs a command as the messaging system, in the message's tenant. Its effect and the message's inbox entry
    /// commit together, so a second delivery of this message does not apply it again.
    /// </summary>
    public Task<CommandResult> InvokeAsync<TCommand>(TCommand command, CancellationToken cancellationToken) =>
        bus.InvokeAsync(command,
            new CommandContext(TenantId, SystemActor, SystemRole, CorrelationId ?? MessageId.ToString()) { MessageId = MessageId },
            cancellationToken: cancellationToken);
}
