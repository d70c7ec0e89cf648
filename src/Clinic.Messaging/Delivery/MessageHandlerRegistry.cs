namespace Clinic.Messaging.Delivery;

/// <summary>Which handler each message type is delivered to.</summary>
public sealed class MessageHandlerRegistry
{
    private readonly Dictionary<Type, Func<object, MessageContext, CancellationToken, Task>> _handlers = [];

    public MessageHandlerRegistry Add<TMessage>(IMessageHandler<TMessage> handler)
    {
        if (!_handlers.TryAdd(typeof(TMessage), (message, context, ct) => handler.HandleAsync((TMessage)message, context, ct)))
            throw new InvalidOperationException($"{typeof(TMessage).Name} already has a handler.");
        return this;
    }

    internal Task HandleAsync(object message, MessageContext context, CancellationToken cancellationToken) =>
        _handlers.TryGetValue(message.GetType(), out var handle)
            ? handle(message, context, cancellationToken)
            : throw new InvalidOperationException($"No handler is registered for {message.GetType().Name} messages.");
}
