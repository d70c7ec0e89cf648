namespace Clinic.Messaging.Delivery;

/// <summary>
/// Handles one type of delivered message. Throwing fails the attempt: the message is retried with back-off,
/// then dead-lettered. Delivery is at least once; a handler whose effect goes through
/// <see cref="MessageContext.InvokeAsync{TCommand}"/> has it applied once.
/// </summary>
public interface IMessageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, MessageContext context, CancellationToken cancellationToken);
}
