using Clinic.EventStore.Streams;
using Microsoft.AspNetCore.Diagnostics;

namespace Clinic.Api.Problems;

/// <summary>
/// Turns exceptions into RFC 9457 problem responses: unreadable requests are 400, a stream that moved
/// under a command is 409; anything else is a 500 that says nothing of the request's data. The log gets the
/// exception's type and stack trace, not its message, which might quote data.
/// </summary>
internal sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, code) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", FrameworkProblemCodes.OfUnreadable(bad.StatusCode)),
            ConcurrencyException => (StatusCodes.Status409Conflict, "The record changed while the command was decided; retry.", "concurrency-conflict"),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "internal-error"),
        };
        if (status >= 500)
            logger.LogError("Unhandled {ExceptionType} on {Method} {Path} at {StackTrace}",
                exception.GetType().Name, context.Request.Method, context.Request.Path, exception.StackTrace);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = ProblemFactory.Create(status, title, code, status < 500 ? Detail(exception) : null),
        });
    }

    /// <summary>For unreadable JSON, the serializer's own message: it names the member and position, never the value.</summary>
    private static string Detail(Exception exception) =>
        exception.InnerException is System.Text.Json.JsonException json ? $"{exception.Message} {json.Message}" : exception.Message;
}
