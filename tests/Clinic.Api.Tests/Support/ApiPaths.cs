using System.Text.RegularExpressions;

namespace Clinic.Api.Tests.Support;

/// <summary>Route templates as the API maps them and as OpenAPI lists them.</summary>
public static partial class ApiPaths
{
    /// <summary><c>/api/patients/{patientId:guid}/history</c> → <c>/api/patients/{patientId}/history</c>; no trailing slash.</summary>
    public static string Normalize(string routePattern) => Constraint().Replace(routePattern, "}").TrimEnd('/');

    /// <summary>The path with every <c>{parameter}</c> replaced by an id nobody has.</summary>
    public static string WithUnknownIds(string path) => Parameter().Replace(path, _ => Guid.NewGuid().ToString());

    [GeneratedRegex(":[^}]+}")]
    private static partial Regex Constraint();

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex Parameter();
}
