namespace Clinic.Api.Http;

/// <summary>The first answer to an idempotent request, given again, marked as a replay.</summary>
internal sealed class ReplayedResult(IResult first) : IResult
{
    public Task ExecuteAsync(HttpContext context)
    {
        context.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        return first.ExecuteAsync(context);
    }
}
