namespace Clinic.Messaging.Commands;

/// <summary>Which handler decides each command type. Handlers are stateless and shared.</summary>
public sealed class HandlerRegistry
{
    private readonly Dictionary<Type, object> _handlers = [];

    public HandlerRegistry Add<TCommand>(ICommandHandler<TCommand> handler)
    {
        if (!_handlers.TryAdd(typeof(TCommand), handler))
            throw new InvalidOperationException($"{typeof(TCommand).Name} already has a handler.");
        return this;
    }

    internal ICommandHandler<TCommand> For<TCommand>() =>
        _handlers.TryGetValue(typeof(TCommand), out var handler)
            ? (ICommandHandler<TCommand>)handler
            : throw new InvalidOperationException($"No handler is registered for {typeof(TCommand).Name}.");
}
