using System.Reflection;
using Clinic.Api.Records;

namespace Clinic.Api.Http;

/// <summary>
/// An instant in the query string (<c>asOf</c>, <c>from</c>, <c>to</c>) says which instant it is, as in a body
/// (<see cref="InstantConverter"/>): the framework would read a bare date or a time without an offset with the
/// server's own offset, so the same link would mean another instant on another server. Such a value is 400.
/// </summary>
internal static class StrictQueryInstants
{
    public static TBuilder RequireInstantsWithOffset<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var names = InstantParameters(factory.MethodInfo);
            return names.Length == 0 ? next : context => Unclear(context.HttpContext.Request.Query, names) is { } name
                ? ValueTask.FromResult<object?>(CommandResults.Problem(StatusCodes.Status400BadRequest, "malformed-request",
                    $"The query parameter '{name}' is an instant: an ISO 8601 date and time with an offset, such as 2025-03-14T10:00:00Z."))
                : next(context);
        });

    private static string[] InstantParameters(MethodInfo method) =>
        [.. method.GetParameters()
            .Where(parameter => (Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType) == typeof(DateTimeOffset))
            .Select(parameter => parameter.Name!)];

    private static string? Unclear(IQueryCollection query, string[] names) =>
        names.FirstOrDefault(name => query.TryGetValue(name, out var values) && values.Any(value => !InstantConverter.HasTimeAndOffset(value ?? "")));
}
