using System.Diagnostics.CodeAnalysis;

namespace Clinic.Api.Http;

/// <summary>How many entries a paged list answers at once: a read is bounded, and so is what it records in the access log.</summary>
internal static class PageSize
{
    public const int Default = 100;
    public const int Max = 1000;

    /// <summary>The page size asked for (<paramref name="limit"/>), or the default; a 400 problem when it is out of range.</summary>
    public static bool TryRead(int? limit, out int size, [NotNullWhen(false)] out IResult? problem)
    {
        size = limit ?? Default;
        problem = size is < 1 or > Max
            ? CommandResults.Problem(StatusCodes.Status400BadRequest, "invalid-limit", $"limit must be between 1 and {Max}.")
            : null;
        return problem is null;
    }
}
