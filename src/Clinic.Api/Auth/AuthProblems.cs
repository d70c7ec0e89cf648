using Clinic.Api.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Clinic.Api.Auth;

/// <summary>
/// Refused authentication and authorization answer with the same RFC 9457 problem, with a stable <c>code</c>, as
/// every other refusal: 401 <c>unauthenticated</c> (no token) or <c>invalid-token</c>, 403 <c>forbidden</c>.
/// The token itself is never echoed. A token that names more than one user, role or clinic is invalid: the
/// role checked and the role recorded on the events must be the same one.
/// </summary>
internal static class AuthProblems
{
    public const string Unauthenticated = "unauthenticated";
    public const string InvalidToken = "invalid-token";
    public const string Forbidden = "forbidden";

    private static readonly string[] SingleValuedClaims = [ClinicClaims.Subject, ClinicClaims.Role, ClinicClaims.Clinic];

    public static JwtBearerEvents Events() => new()
    {
        OnTokenValidated = context =>
        {
            if (SingleValuedClaims.Any(type => context.Principal!.FindAll(type).Skip(1).Any()))
                context.Fail("The token names more than one user, role or clinic.");
            return Task.CompletedTask;
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var invalid = context.AuthenticateFailure is not null;
            context.Response.Headers.WWWAuthenticate = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
            await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication is required.",
                invalid ? InvalidToken : Unauthenticated,
                invalid ? "The bearer token is invalid or has expired." : "A bearer token is required.");
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
