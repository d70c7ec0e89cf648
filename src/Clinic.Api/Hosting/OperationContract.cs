using Clinic.Api.Auth;
using Clinic.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clinic.Api.Hosting;

/// <summary>
/// Completes each operation of the OpenAPI document from its endpoint's metadata, so that the document follows the
/// endpoints: the bearer requirement, the problems the operation can answer, and the headers it reads and writes.
/// </summary>
internal static class OperationContract
{
    public const string BearerScheme = "Bearer";
    public const string ProblemSchema = "Problem";
    private const string ProblemMediaType = "application/problem+json";
    private const string LocationHeader = "Location";
    private const string RetryAfterHeader = "Retry-After";

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.Description;
        var isCommand = endpoint.ActionDescriptor.EndpointMetadata.OfType<CommandEndpoint>().Any();
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameterReference(CorrelationId.Header, context.Document));
        if (isCommand)
            operation.Parameters.Add(new OpenApiParameterReference(IdempotencyKeys.Header, context.Document));

        operation.Responses ??= new OpenApiResponses();
        if (IsSecured(endpoint))
        {
            operation.Parameters.Add(new OpenApiParameterReference(ClinicScope.Parameter, context.Document));
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            foreach (var (status, description) in ProblemsOf(endpoint, isCommand))
                operation.Responses.TryAdd(status, Problem(description, context.Document));
        }
        foreach (var (status, response) in operation.Responses)
            AddHeaders(status, response, isCommand, context.Document);
        return Task.CompletedTask;
    }

    /// <summary>The headers and parameters the operations refer to, defined once in the document's components.</summary>
    public static void AddComponents(OpenApiComponents components)
    {
        components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        components.Parameters[CorrelationId.Header] = HeaderParameter(CorrelationId.Header,
            "Ties the request to the events it records and to the log; 1 to 128 letters, digits, '-', '_', '.' or ':'. "
            + "Anything else, or none, is replaced by a new id. Echoed in the response.");
        components.Parameters[IdempotencyKeys.Header] = HeaderParameter(IdempotencyKeys.Header,
            "1 to 255 characters. The first answer to a command sent with a key is kept: the same request sent again with "
            + "the same key gets that answer again (marked Idempotent-Replayed) and records nothing; another request with "
            + "the same key is refused 422 idempotency-key-reused.");
        components.Parameters[ClinicScope.Parameter] = new OpenApiParameter
        {
            Name = ClinicScope.Parameter, In = ParameterLocation.Query, Required = false,
            Description = "The clinic to read, one the token names. Required when the token names several (a regulator's "
                + "clinics or jurisdiction), except by a read across clinics, which then reads them all: without it 400 clinic-required. "
                + "Optional otherwise. A clinic the token does not name is 403.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        components.Headers[CorrelationId.Header] = Header("The request's correlation id: the one sent, or a new one.");
        components.Headers[IdempotencyKeys.ReplayedHeader] = Header(
            "\"true\" when this is the kept answer to an earlier request with the same Idempotency-Key; nothing was recorded again.");
        components.Headers[LocationHeader] = Header("The address of what was created, or of the record it joined.");
        components.Headers[RetryAfterHeader] = Header("Seconds to wait before trying again.");
    }

    private static bool IsSecured(ApiDescription endpoint)
    {
        var metadata = endpoint.ActionDescriptor.EndpointMetadata;
        return metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
    }

    /// <summary>
    /// The problems an operation can answer. Every one: 400, 401, 403 and 503. 404 when it names something by id, in
    /// its path or in its body (a lot number in a path is no id: a lot nobody received is an empty answer), or declares
    /// it (a clinic's latest checkpoint, which it may not have yet). 413 and 415 when it reads a body. 409 and 422 when it sends a command.
    /// </summary>
    private static IEnumerable<(string Status, string Description)> ProblemsOf(ApiDescription endpoint, bool isCommand)
    {
        yield return ("400", "Malformed request: a path, query, header or body value that cannot be read (code: malformed-request and others), "
            + "or a token naming several clinics without the clinic parameter (code: clinic-required).");
        yield return ("401", "No valid bearer token (code: unauthenticated, invalid-token), or a signature's token not fresh (fresh-authentication-required).");
        yield return ("403", "The token's role may not do this, or the token does not name the clinic asked for "
            + "(code: forbidden, override-not-allowed, clinician-required).");
        if (NamesIds(endpoint) || DeclaresNotFound(endpoint))
            yield return ("404", "An id in the path or the body is unknown in the caller's clinic, or what is asked for does not exist yet "
                + "(code: e.g. patient-not-found, no-checkpoint).");
        if (isCommand)
            yield return ("409", "A concurrent change or a conflict (code: concurrency-conflict, practitioner-busy).");
        if (ReadsBody(endpoint))
        {
            yield return ("413", "The body is larger than the API accepts (code: request-too-large).");
            yield return ("415", "The body is not application/json (code: unsupported-media-type).");
        }
        if (isCommand)
            yield return ("422", "A clinical or business rule refused the command (code: see docs/domain-rules.md).");
        yield return ("503", "The database cannot be reached; try again after Retry-After (code: database-unavailable).");
    }

    private static bool NamesIds(ApiDescription endpoint) =>
        endpoint.ParameterDescriptions.Any(parameter => (parameter.Source == BindingSource.Path && IsId(parameter.Type))
            || (parameter.Source == BindingSource.Body && parameter.Type.GetProperties().Any(property => IsId(property.PropertyType))));

    private static bool DeclaresNotFound(ApiDescription endpoint) =>
        endpoint.SupportedResponseTypes.Any(response => response.StatusCode == StatusCodes.Status404NotFound);

    private static bool IsId(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(Guid);

    private static bool ReadsBody(ApiDescription endpoint) =>
        endpoint.ParameterDescriptions.Any(parameter => parameter.Source == BindingSource.Body);

    /// <summary>
    /// Every answer carries the correlation id; a creation its <c>Location</c>; a command's success, when it is the
    /// kept answer to an earlier request with the same key (refusals are not kept), <c>Idempotent-Replayed</c>; an
    /// outage <c>Retry-After</c>.
    /// </summary>
    private static void AddHeaders(string status, IOpenApiResponse response, bool isCommand, OpenApiDocument? document)
    {
        if (response is not OpenApiResponse described)
            return;
        described.Headers ??= new Dictionary<string, IOpenApiHeader>();
        var headers = new List<string> { CorrelationId.Header };
        if (status == "201")
            headers.Add(LocationHeader);
        if (isCommand && status.StartsWith('2'))
            headers.Add(IdempotencyKeys.ReplayedHeader);
        if (status == "503")
            headers.Add(RetryAfterHeader);
        foreach (var header in headers)
            described.Headers[header] = new OpenApiHeaderReference(header, document);
    }

    private static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };

    private static OpenApiParameter HeaderParameter(string name, string description) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = false, Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiHeader Header(string description) => new()
    {
        Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
