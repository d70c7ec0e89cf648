using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Clinic.Api.Http;

namespace Clinic.Api.Hosting;

/// <summary>
/// Refuses, as unreadable JSON, the values a request record's members are not meant to hold and that
/// <see cref="JsonSerializerOptions.RespectNullableAnnotations"/> does not catch: a null element in a list whose
/// element type is not nullable (<c>"areas": [null]</c>, <c>"products": [null]</c>), text the database cannot
/// store (<see cref="StorableText"/>), in a member or a list element, and more than a member's
/// <see cref="MaxLengthAttribute"/> allows: characters of a text, elements of a list (each text of such a list being
/// a name, <see cref="RequestLimits.Name"/>).
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

    /// <summary>What is wrong with a text a request carries, in words that never quote it; null when nothing is.</summary>
    public static string? TextProblem(string text, int? maxLength) =>
        !StorableText.IsStorable(text) ? "contains a NUL character"
        // Characters as JSON Schema's maxLength counts them: Unicode scalar values, not UTF-16 code units.
        : text.Length > maxLength && text.EnumerateRunes().Count() > maxLength ? $"is longer than {maxLength} characters"
        : null;

    /// <summary>Whether a member is a limited list of texts: each of them is then a name (<see cref="RequestLimits.Name"/>).</summary>
    public static bool LimitsEachText(JsonPropertyInfo property) =>
        MaxLengthOf(property) is not null && typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType);

    /// <summary>What to check in a member's value; null when nothing needs checking.</summary>
    private static Func<object?, string?>? Check(JsonPropertyInfo property)
    {
        var maxLength = MaxLengthOf(property);
        if (property.PropertyType == typeof(string))
            return value => value is string text ? TextProblem(text, maxLength) : null;
        if (!typeof(IEnumerable).IsAssignableFrom(property.PropertyType) || property.AttributeProvider is not PropertyInfo info)
            return null;
        // A context per call: NullabilityInfoContext is not thread-safe, and type infos are built on many threads at once.
        var nullableElements = ElementOf(new NullabilityInfoContext().Create(info)) is not { Type.IsValueType: false, ReadState: NullabilityState.NotNull };
        int? eachText = LimitsEachText(property) ? RequestLimits.Name : null;
        return value => value is IEnumerable elements ? ListProblem(elements.Cast<object?>().ToList(), maxLength, nullableElements, eachText) : null;
    }

    private static int? MaxLengthOf(JsonPropertyInfo property) =>
        (property.AttributeProvider as PropertyInfo)?.GetCustomAttribute<MaxLengthAttribute>()?.Length;

    private static string? ListProblem(List<object?> elements, int? maxItems, bool nullableElements, int? eachText) =>
        elements.Count > maxItems ? $"has more than {maxItems} elements"
        : elements.Select(element => element switch
            {
                null => nullableElements ? null : "has a null element",
                string text when TextProblem(text, eachText) is { } problem => $"has an element that {problem}",
                _ => null,
            })
            .FirstOrDefault(problem => problem is not null);

    private static NullabilityInfo? ElementOf(NullabilityInfo collection) =>
        collection.ElementType ?? (collection.GenericTypeArguments is [var element] ? element : null);
}
