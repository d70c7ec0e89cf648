using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clinic.Api.Records;

/// <summary>
/// Describes enums in the OpenAPI document as the strings <see cref="EnumNameConverter"/> reads: the schema
/// generator knows only the framework's enum converter, and would describe ours, and lists of them, as anything.
/// </summary>
internal static class EnumNameSchema
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo;
        if (Names(type.Type) is { } names)
        {
            schema.Type = Nullable.GetUnderlyingType(type.Type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Enum = names;
        }
        else if (type.Kind == JsonTypeInfoKind.Enumerable && Names(type.ElementType!) is { } elementNames)
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = elementNames };
        return Task.CompletedTask;
    }

    private static List<JsonNode>? Names(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } enumType
            ? EnumNames.All(enumType).Select(name => (JsonNode)name).ToList()
            : null;
}
