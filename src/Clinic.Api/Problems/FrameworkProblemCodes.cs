namespace Clinic.Api.Problems;

/// <summary>
/// The problems the framework answers by itself (a body whose framing cannot be read, a path or method the API does
/// not have, a body too large or not JSON) get a stable <c>code</c> too, so that every problem the API answers has
/// one. What Kestrel refuses before the application runs (a NUL in the path, a request line or headers too long) it
/// answers itself, with an empty body: see docs/api.md.
/// </summary>
internal static class FrameworkProblemCodes
{
    private static readonly Dictionary<int, string> CodesByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = "malformed-request",
        [StatusCodes.Status404NotFound] = "unknown-path",
        [StatusCodes.Status405MethodNotAllowed] = "method-not-allowed",
        [StatusCodes.Status413PayloadTooLarge] = "request-too-large",
        [StatusCodes.Status415UnsupportedMediaType] = "unsupported-media-type",
    };

    /// <summary>
    /// The code of a request the framework could not read: a body too large or not JSON has its status's code (also
    /// when the framework says so by throwing, as it does for a body without a <c>Content-Type</c>), anything else is
    /// <c>malformed-request</c>.
    /// </summary>
    public static string OfUnreadable(int status) => CodesByStatus.GetValueOrDefault(status, "malformed-request");

    public static void Add(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code") || problem.Status is not { } status || !CodesByStatus.TryGetValue(status, out var code))
            return;
        problem.Type = ProblemFactory.TypeOf(code);
        problem.Extensions["code"] = code;
    }
}
