using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.EventStore.Events;

/// <summary>
/// Maps event classes to stable stored names (never CLR names), and upcasts old stored shapes and
/// names to the current ones when events are read.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _namesByType = [];
    private readonly Dictionary<string, Upcaster> _upcastersByStoredName = new(StringComparer.Ordinal);

    private sealed record Upcaster(string TargetName, Func<JsonObject, JsonObject> Transform);

    public EventTypeRegistry Register<TEvent>(string name) => Register(typeof(TEvent), name);

    public EventTypeRegistry Register(Type eventType, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_typesByName.TryGetValue(name, out var existing) && existing != eventType)
            throw new InvalidOperationException($"Event name '{name}' is already registered for {existing.Name}.");
        if (_upcastersByStoredName.ContainsKey(name))
            throw new InvalidOperationException($"Event name '{name}' is an upcast source and cannot name a current event.");
        _typesByName[name] = eventType;
        _namesByType[eventType] = name;
        return this;
    }

    /// <summary>
    /// Events stored as <paramref name="storedName"/> are read as <paramref name="targetName"/> after
    /// <paramref name="transform"/> reshapes their data. Upcasts chain until a registered name is reached.
    /// </summary>
    public EventTypeRegistry Upcast(string storedName, string targetName, Func<JsonObject, JsonObject> transform)
    {
        if (_typesByName.ContainsKey(storedName))
            throw new InvalidOperationException($"'{storedName}' names a current event; register the upcast under the old name.");
        _upcastersByStoredName[storedName] = new Upcaster(targetName, transform);
        return this;
    }

    /// <summary>Typed form: the old shape is read as <typeparamref name="TOld"/> and converted in code.</summary>
    public EventTypeRegistry Upcast<TOld, TNew>(string storedName, Func<TOld, TNew> convert, JsonSerializerOptions json) =>
        Upcast(storedName, NameOf(typeof(TNew)), old =>
        {
            var oldEvent = old.Deserialize<TOld>(json) ?? throw new JsonException($"Stored '{storedName}' event had no data.");
            return JsonSerializer.SerializeToNode(convert(oldEvent), json)!.AsObject();
        });

    public string NameOf(Type eventType) =>
        _namesByType.TryGetValue(eventType, out var name)
            ? name
            : throw new InvalidOperationException($"{eventType.Name} is not a registered event type. Register it with a stable name.");

    public IReadOnlyCollection<string> NamesOf(IEnumerable<Type> eventTypes) => eventTypes.Select(NameOf).ToArray();

    public bool IsKnownName(string storedName) =>
        _typesByName.ContainsKey(storedName) || _upcastersByStoredName.ContainsKey(storedName);

    /// <summary>Every stored name that is read as one of the given current names (the names themselves and their upcast sources).</summary>
    public IReadOnlyCollection<string> StoredNamesReadAs(IEnumerable<string> currentNames)
    {
        var wanted = currentNames.ToHashSet(StringComparer.Ordinal);
        return wanted.Concat(_upcastersByStoredName.Keys.Where(old => wanted.Contains(FinalName(old)))).ToArray();
    }

    public object Deserialize(string storedName, string json, JsonSerializerOptions options)
    {
        if (_typesByName.TryGetValue(storedName, out var type))
            return JsonSerializer.Deserialize(json, type, options) ?? throw new JsonException($"Event '{storedName}' had no data.");

        var (name, data) = UpcastToCurrent(storedName, JsonNode.Parse(json)!.AsObject());
        return data.Deserialize(_typesByName[name], options) ?? throw new JsonException($"Event '{name}' had no data.");
    }

    internal string CurrentName(string storedName) =>
        _typesByName.ContainsKey(storedName) ? storedName : FinalName(storedName);

    private (string Name, JsonObject Data) UpcastToCurrent(string storedName, JsonObject data)
    {
        var name = storedName;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!_typesByName.ContainsKey(name))
        {
            if (!seen.Add(name) || !_upcastersByStoredName.TryGetValue(name, out var upcaster))
                throw new InvalidOperationException($"Stored event '{storedName}' has no registered type or upcast.");
            data = upcaster.Transform(data);
            name = upcaster.TargetName;
        }
        return (name, data);
    }

    private string FinalName(string storedName)
    {
        var name = storedName;
        for (var hops = 0; _upcastersByStoredName.TryGetValue(name, out var upcaster) && hops < 64; hops++)
            name = upcaster.TargetName;
        return name;
    }
}
