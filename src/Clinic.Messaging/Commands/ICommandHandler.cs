namespace Clinic.Messaging.Commands;

/// <summary>
/// Decides one kind of command: loads what it needs through the context's session, decides, and queues
/// the resulting events and documents in that session. It holds no transaction and retries nothing: the
/// bus commits, and re-runs it on fresh state when a stream moved under it.
/// </summary>
public interface ICommandHandler<in TCommand>
{
    Task<CommandResult> HandleAsync(TCommand command, HandlerContext context, CancellationToken cancellationToken);
}
