using System.Text.Json;
using Clinic.Api.Records;
using Hl7.Fhir.Model;

namespace Clinic.Api.Fhir;

/// <summary>
/// The code systems, identifier systems and extensions of the export: HL7's where one fits, and the clinic's own
/// (under <see cref="Base"/>) for the domain's words, each enum's values by their API names.
/// </summary>
internal static class FhirCodes
{
    public const string Base = "https://clinic.example/fhir";
    public const string UcumSystem = "http://unitsofmeasure.org";

    public static string SystemOf(string name) => $"{Base}/CodeSystem/{name}";

    public static string ExtensionOf(string name) => $"{Base}/StructureDefinition/{name}";

    public static string IdentifierSystemOf(string name) => $"{Base}/NamingSystem/{name}";

    /// <summary>An enum value in the clinic's code system named after its type (<c>TreatmentArea.Face</c>: treatment-area|face).</summary>
    public static CodeableConcept Of<T>(T value) where T : struct, Enum
    {
        var code = EnumNames.Of(value);
        return new CodeableConcept(SystemOf(JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(T).Name)), code, code);
    }

    public static Identifier IdentifierOf(string kind, string value) => new(IdentifierSystemOf(kind), value);

    public static Quantity Ucum(decimal value, string unit) => new() { Value = value, Unit = unit, System = UcumSystem, Code = unit };
}
