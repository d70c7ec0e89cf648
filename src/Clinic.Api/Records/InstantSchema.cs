using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clinic.Api.Records;

/// <summary>
/// Describes instants in the OpenAPI document as the date-time strings <see cref="InstantConverter"/> reads: the schema
/// generator keeps their format but, seeing a converter it does not know, drops their type.
/// </summary>
internal static class InstantSchema
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        return Task.CompletedTask;
    }
}
