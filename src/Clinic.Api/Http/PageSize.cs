namespace Clinic.Api.Http;

/// <summary>How many entries a paged list answers at once: a read is bounded, and so is what it records in the access log.</summary>
internal static class PageSize
{
    public const int Default = 100;
    public const int Max = 1000;

    /// <returns>The page size asked for, or the default; null with <paramref name="problem"/> when it is out of range.</returns>
    public static int? Of(int? limit, out IResult? problem)
    {
        var size = limit ?? Default;
        problem = size is < 1 or > Max
            ? CommandResults.Problem(StatusCodes.Status400BadRequest, "invalid-limit", $"limit must be between 1 and {Max}.")
            : null;
        return problem is null ? size : null;
    }
}
