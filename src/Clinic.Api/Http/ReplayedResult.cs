namespace Clinic.Api.Http;

/// <summary>The stored first reply to an idempotent request, given again as it was, marked as a replay.</summary>
internal sealed class ReplayedResult(IdempotentReply reply) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = reply.Status;
        context.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        if (reply.Location is not null)
            context.Response.Headers.Location = reply.Location;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Body);
    }
}
