using Clinic.Api.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clinic.Api.Hosting;

/// <summary>
/// What the generated OpenAPI document cannot know by itself: the bearer scheme every /api operation needs,
/// and the RFC 9457 problems (with their <c>code</c> member) each operation may answer.
/// </summary>
internal static class OpenApiSetup
{
    private const string BearerScheme = "Bearer";
    private const string ProblemSchema = "Problem";
    private const string ProblemMediaType = "application/problem+json";

    public static void AddClinicOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddSchemaTransformer(EnumNameSchema.Describe);
        options.AddSchemaTransformer(InstantSchema.Describe);
        options.AddSchemaTransformer(RequestLimitSchema.Describe);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Clinic API";
            document.Info.Description = "Event-sourced clinical records for mesotherapy clinics. Errors are RFC 9457 problems with a stable `code`.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "A token with the claims sub (user), role and clinic (the tenant).",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[ProblemSchema] = Problem();
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
                return Task.CompletedTask;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            foreach (var (status, description) in ProblemsOf(context.Description.HttpMethod, context.Description.RelativePath ?? ""))
            {
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd(status, new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                    },
                });
            }
            return Task.CompletedTask;
        });
    });

    /// <summary>The problems an operation may answer: every one 400, 401 and 403; with an id in its path 404; a command 409 and 422.</summary>
    private static IEnumerable<(string Status, string Description)> ProblemsOf(string? method, string path)
    {
        yield return ("400", "Malformed request (code: malformed-request and others).");
        yield return ("401", "No valid bearer token (code: unauthenticated, invalid-token).");
        yield return ("403", "The token's role may not do this (code: forbidden).");
        if (path.Contains('{'))
            yield return ("404", "An id in the path is unknown in the caller's clinic (code: e.g. patient-not-found).");
        if (method is "POST" or "PUT")
        {
            yield return ("409", "A concurrent change or a conflict (code: concurrency-conflict, practitioner-busy).");
            yield return ("422", "A clinical or business rule refused the command (code: see docs/domain-rules.md).");
        }
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; `code` is the stable refusal code, which `type` also names.",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
