using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.EventStore;

/// <summary>The store's default JSON shape: camelCase members, enums as kebab-case strings.</summary>
public static class StoreJson
{
    public static JsonSerializerOptions DefaultOptions() => new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
