using Clinic.Api.Records;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Clinic.Api.Hosting;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, with what the generator cannot know by itself: the bearer scheme, the
/// RFC 9457 problems (with their <c>code</c> member) and the headers of each operation (<see cref="OperationContract"/>);
/// and, in Development, an interactive reference of it at /scalar.
/// </summary>
internal static class OpenApiSetup
{
    public const string ReferencePath = "/scalar";

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
            document.Components.SecuritySchemes[OperationContract.BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "A token with the claims sub (user), role and clinic (the tenant); a regulator's may name clinics or a jurisdiction instead.",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[OperationContract.ProblemSchema] = Problem();
            OperationContract.AddComponents(document.Components);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(OperationContract.Describe);
    });

    /// <summary>The document for everyone (it holds no data); the interactive reference only in Development.</summary>
    public static void MapClinicOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference(ReferencePath, reference => reference.WithTitle("Clinic API")).AllowAnonymous();
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
