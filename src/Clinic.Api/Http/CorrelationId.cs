namespace Clinic.Api.Http;

/// <summary>Every request has a correlation id: the caller's <c>X-Correlation-Id</c>, or a new one. It is echoed back and recorded on every event.</summary>
internal static class CorrelationId
{
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 128;

    public static string Of(HttpContext context) => (string)context.Items[Header]!;

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var given = context.Request.Headers[Header].ToString();
        var id = given.Length is > 0 and <= MaxLength && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? given
            : Guid.CreateVersion7().ToString();
        context.Items[Header] = id;
        // Written as the answer starts, not now: the exception handler clears the headers of a response it rewrites.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        await next(context);
    });
}
