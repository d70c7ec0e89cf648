using System.Text.Json;

namespace Clinic.Messaging;

/// <summary>Maps message classes to stable stored names (never CLR names), as the event store does for events.</summary>
public sealed class MessageTypeRegistry
{
    private readonly Dictionary<string, Type> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _namesByType = [];

    public MessageTypeRegistry Register<TMessage>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_typesByName.TryGetValue(name, out var existing) && existing != typeof(TMessage))
            throw new InvalidOperationException($"Message name '{name}' is already registered for {existing.Name}.");
        _typesByName[name] = typeof(TMessage);
        _namesByType[typeof(TMessage)] = name;
        return this;
    }

    public string NameOf(Type messageType) =>
        _namesByType.TryGetValue(messageType, out var name)
            ? name
            : throw new InvalidOperationException($"{messageType.Name} is not a registered message type. Register it with a stable name.");

    public object Deserialize(string storedName, string json, JsonSerializerOptions options) =>
        _typesByName.TryGetValue(storedName, out var type)
            ? JsonSerializer.Deserialize(json, type, options) ?? throw new JsonException($"Message '{storedName}' had no data.")
            : throw new InvalidOperationException($"Stored message '{storedName}' has no registered type.");
}
