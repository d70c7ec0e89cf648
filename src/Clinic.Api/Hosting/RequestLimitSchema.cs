using System.ComponentModel.DataAnnotations;
using Clinic.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clinic.Api.Hosting;

/// <summary>
/// The limit on each text of a limited list (<see cref="RequestValueChecks"/>), in the OpenAPI document. The generator
/// shows a <see cref="MaxLengthAttribute"/> by itself, as the list's <c>maxItems</c>, but knows nothing of its elements.
/// </summary>
internal static class RequestLimitSchema
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property && RequestValueChecks.LimitsEachText(property) && schema.Items is OpenApiSchema text)
            text.MaxLength = RequestLimits.Name;
        return Task.CompletedTask;
    }
}
