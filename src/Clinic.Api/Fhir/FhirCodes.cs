using System.Text.Json;
using Clinic.Api.Records;
using Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>
/// The code systems, identifier systems and extensions of the export: HL7's where one fits, and the clinic's own
/// (under the deployment's system base, <c>Fhir:SystemBase</c>) for the domain's words, each enum's values by their API names.
/// </summary>
internal sealed class FhirCodes(string systemBase)
{
    public const string SystemBaseKey = "Fhir:SystemBase";

    /// <summary>A placeholder that names no one's systems, for Development only: each deployment sets its own (docs/fhir.md).</summary>
    public const string DefaultSystemBase = "https://clinic.example/fhir";

    public const string UcumSystem = "http://unitsofmeasure.org";

    /// <summary>
    /// The configured system base; one that is not an absolute http(s) URL without query or fragment (the systems are
    /// paths under it) stops the API from starting, and so does none outside Development: codes exported under the
    /// placeholder would have to change under the receivers' feet.
    /// </summary>
    public static FhirCodes From(IConfiguration configuration, IHostEnvironment environment)
    {
        var systemBase = configuration[SystemBaseKey]
            ?? (environment.IsDevelopment() ? DefaultSystemBase : throw new InvalidOperationException(
                $"No FHIR system base is configured. Set {SystemBaseKey} (the clinic's own address for its code systems); the placeholder is only used in Development."));
        return Uri.TryCreate(systemBase, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query == "" && uri.Fragment == ""
            ? new FhirCodes(systemBase.TrimEnd('/'))
            : throw new InvalidOperationException($"{SystemBaseKey} must be an absolute http(s) URL without query or fragment (was '{systemBase}').");
    }

    public string SystemOf(string name) => $"{systemBase}/CodeSystem/{name}";

    public string ExtensionOf(string name) => $"{systemBase}/StructureDefinition/{name}";

    public string IdentifierSystemOf(string name) => $"{systemBase}/NamingSystem/{name}";

    /// <summary>An enum value in the clinic's code system named after its type (<c>TreatmentArea.Face</c>: treatment-area|face).</summary>
    public CodeableConcept Of<T>(T value) where T : struct, Enum
    {
        var code = EnumNames.Of(value);
        return new CodeableConcept(SystemOf(JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(T).Name)), code, code);
    }

    public Identifier IdentifierOf(string kind, string value) => new(IdentifierSystemOf(kind), value);

    public static Quantity Ucum(decimal value, string unit) => new() { Value = value, Unit = unit, System = UcumSystem, Code = unit };
}
