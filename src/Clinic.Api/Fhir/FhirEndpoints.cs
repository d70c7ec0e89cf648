using System.Text.Json;
using Clinic.Api.Access;
using Clinic.Api.Auth;
using Clinic.Api.History;
using Clinic.Api.Http;
using Clinic.Api.Privacy;
using Hl7.Fhir.Serialization;
using Microsoft.OpenApi;

namespace Clinic.Api.Fhir;

/// <summary>
/// A patient's record as a FHIR R4 Bundle (<c>application/fhir+json</c>), now or as of a moment: the history read, with
/// the same access and the same record of the look, in another shape.
/// </summary>
internal static class FhirEndpoints
{
    public const string MediaType = "application/fhir+json";

    /// <summary>The Firely SDK's System.Text.Json converters for R4: what the export is written with and read back with.</summary>
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(Hl7.Fhir.Model.ModelInfo.ModelInspector);

    public static void MapFhirExport(this RouteGroupBuilder patients) =>
        patients.MapGet("/{patientId}/fhir", (Guid patientId, DateTimeOffset? asOf, ClinicReads reads, PersonalKeys keys, AccessLog accessLog, TimeProvider clock, FhirCodes codes, CancellationToken ct) =>
            reads.ShowAsync(patientId, asOf, "patient-fhir-export", keys, accessLog, (history, timeline, _) =>
                Task.FromResult(Results.Bytes(
                    JsonSerializer.SerializeToUtf8Bytes(PatientBundle.Of(history, timeline, asOf, clock.GetUtcNow(), codes), Json), MediaType)), ct))
            .Produces(StatusCodes.Status200OK, contentType: MediaType)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?["200"] is OpenApiResponse bundle)
                    DescribeBundle(bundle);
                return Task.CompletedTask;
            })
            .WithTags("History").RequireAuthorization(Permissions.ReadHistory);

    /// <summary>The generator knows no schema for a Bundle: the document names it, its required members and where R4 defines it.</summary>
    private static void DescribeBundle(OpenApiResponse response)
    {
        response.Description = "The patient's record as a FHIR R4 Bundle of type collection (docs/fhir.md).";
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            [MediaType] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "A FHIR R4 Bundle: https://hl7.org/fhir/R4/bundle.html",
                    Required = new HashSet<string> { "resourceType", "type" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                        ["entry"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
                    },
                },
            },
        };
    }
}
