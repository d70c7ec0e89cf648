namespace Clinic.Api.Http;

/// <summary>
/// The most a request may carry, so that no caller can make a record, a projection or the API's memory grow without
/// bound. A request record declares each member's limit with <see cref="System.ComponentModel.DataAnnotations.MaxLengthAttribute"/>
/// (characters of a text, elements of a list), which <see cref="Hosting.RequestValueChecks"/> enforces and the OpenAPI
/// document shows; docs/api.md lists them.
/// </summary>
internal static class RequestLimits
{
    /// <summary>Names, identifiers and references, and each text in a list (a substance, an allergy).</summary>
    public const int Name = 200;

    /// <summary>Free text: notes, descriptions, reasons.</summary>
    public const int Text = 4_000;

    /// <summary>The elements of any list: areas, scopes, substances, allergies, products.</summary>
    public const int Items = 50;

    /// <summary>The bytes of a request body.</summary>
    public const int BodyBytes = 256 * 1024;

    /// <summary>The nesting of a JSON body: objects and arrays within one another.</summary>
    public const int Depth = 32;
}
