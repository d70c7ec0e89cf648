using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Clinic.Api.Http;

namespace Clinic.Api.Hosting;

/// <summary>
/// Refuses, as unreadable JSON, the values a request record's members are not meant to hold and that
/// <see cref="JsonSerializerOptions.RespectNullableAnnotations"/> does not catch: a null element in a list whose
/// element type is not nullable (<c>"areas": [null]</c>, <c>"products": [null]</c>), and text the database cannot
/// store (<see cref="StorableText"/>), in a member or a list element.
/// </summary>
internal static class RequestValueChecks
{
    public static void Modify(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var property in type.Properties)
            if (property.Set is { } set && Check(property) is { } check)
                property.Set = (target, value) =>
                {
                    if (check(value) is { } problem)
                        throw new JsonException($"The JSON value of '{property.Name}' {problem}.");
                    set(target, value);
                };
    }

    /// <summary>What to check in a member's value; null when nothing needs checking.</summary>
    private static Func<object?, string?>? Check(JsonPropertyInfo property)
    {
        if (property.PropertyType == typeof(string))
            return value => Storable(value);
        if (!typeof(IEnumerable).IsAssignableFrom(property.PropertyType) || property.AttributeProvider is not PropertyInfo info)
            return null;
        // A context per call: NullabilityInfoContext is not thread-safe, and type infos are built on many threads at once.
        var nullableElements = ElementOf(new NullabilityInfoContext().Create(info)) is not { Type.IsValueType: false, ReadState: NullabilityState.NotNull };
        return value => value is IEnumerable elements
            ? elements.Cast<object?>().Select(element => element is null && !nullableElements ? "has a null element" : Storable(element))
                .FirstOrDefault(problem => problem is not null)
            : null;
    }

    private static string? Storable(object? value) =>
        value is string text && !StorableText.IsStorable(text) ? "contains a NUL character" : null;

    private static NullabilityInfo? ElementOf(NullabilityInfo collection) =>
        collection.ElementType ?? (collection.GenericTypeArguments is [var element] ? element : null);
}
