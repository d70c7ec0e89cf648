using Clinic.Api.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Clinic.Api.Auth;

/// <summary>
/// Refused authentication and authorization answer with the same RFC 9457 problem, with a stable <c>code</c>, as
/// every other refusal: 401 <c>unauthenticated</c> (no token) or <c>invalid-token</c>, 403 <c>forbidden</c>.
/// The token itself is never echoed. A signed token whose user, role or clinics cannot be used
/// (<see cref="IdentityClaims"/>) is invalid, and its problem says which claim and why; one that names more than
/// one user or role is too: the role checked and the role recorded on the events must be the same one.
/// </summary>
internal static class AuthProblems
{
    public const string Unauthenticated = "unauthenticated";
    public const string InvalidToken = "invalid-token";
    public const string Forbidden = "forbidden";

    public static JwtBearerEvents Events() => new()
    {
        OnTokenValidated = context =>
        {
            if (IdentityClaims.Problem(context.Principal!, context.HttpContext.RequestServices.GetRequiredService<RegulatorSettings>()) is { } problem)
                context.Fail(new UnusableIdentityException(problem));
            return Task.CompletedTask;
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var failure = context.AuthenticateFailure;
            context.Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication is required.",
                failure is null ? Unauthenticated : InvalidToken,
                failure switch
                {
                    null => "A bearer token is required.",
                    UnusableIdentityException unusable => unusable.Message,
                    _ => "The bearer token is invalid or has expired.",
                });
        },
        OnForbidden = context => WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed for this role.",
            Forbidden, "The token's role may not do this, or the token does not name its user and clinic."),
    };

    private static async Task WriteAsync(HttpContext context, int status, string title, string code, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemFactory.Create(status, title, code, detail),
        });
    }
}

/// <summary>A signed token whose user, role or clinic cannot be used; its message names the claim, never the value.</summary>
internal sealed class UnusableIdentityException(string message) : Exception(message);
