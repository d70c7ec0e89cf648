using System.Globalization;
using Clinic.Api.Database;
using Clinic.Api.Commands;
using Clinic.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Clinic.Api.Problems;

/// <summary>
/// Turns exceptions into RFC 9457 problem responses: unreadable requests are 400, a stream that moved
/// under a command is 409, a database out of reach is 503 with a Retry-After; anything else is a 500 that says
/// nothing of the request's data. The log gets a 500's exception type and stack trace, not its message, which
/// might quote data; an outage is logged once, when it begins, by <see cref="DatabaseOutage"/>.
/// </summary>
internal sealed class ExceptionProblems(IProblemDetailsService problems, DatabaseOutage outage, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait before trying again while the database is out of reach.</summary>
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, code) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", FrameworkProblemCodes.OfUnreadable(bad.StatusCode)),
            _ when ConcurrencyConflicts.Are(exception) =>
                (StatusCodes.Status409Conflict, "The record changed while the command was decided; retry.", RefusalCodes.ConcurrencyConflict),
            _ when DatabaseFailures.IsUnreachable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "The database cannot be reached; try again shortly.", "database-unavailable"),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "internal-error"),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            outage.Began(exception);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
        {
            logger.LogError("Unhandled {ExceptionType} on {Method} {Path} at {StackTrace}",
                exception.GetType().Name, context.Request.Method, context.Request.Path, exception.StackTrace);
        }
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
