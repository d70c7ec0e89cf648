using System.Security.Claims;
using Clinic.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace Clinic.Api.Auth;

/// <summary>
/// Decides, once per request and before its endpoint runs, which clinics it reads or writes: the token's one clinic,
/// or of a regulator's several the one the <c>clinic</c> query parameter names. Without it, a token naming several
/// clinics is 400 <c>clinic-required</c> (unless the endpoint reads across clinics); a clinic the token does not
/// name is 403 <c>forbidden</c>. The endpoints take the outcome as their <see cref="ClinicUser"/>.
/// </summary>
internal static class ClinicScope
{
    public const string Parameter = "clinic";
    public const string ClinicRequired = "clinic-required";

    public static IApplicationBuilder UseClinicScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is { } endpoint && RequiresToken(endpoint))
        {
            var (readable, refusal) = Decide(
                IdentityClaims.ClinicsOf(context.User, context.RequestServices.GetRequiredService<RegulatorSettings>()),
                context.Request.Query[Parameter], endpoint.Metadata.GetMetadata<AcrossClinics>() is not null);
            if (refusal is not null)
            {
                await Results.Problem(refusal).ExecuteAsync(context);
                return;
            }
            context.Features.Set(new ClinicUser(
                context.User.FindFirstValue(ClinicClaims.Subject)!, context.User.FindFirstValue(ClinicClaims.Role)!, readable,
                context.User.FindFirstValue(ClinicClaims.Name)));
        }
        await next(context);
    });

    /// <summary>The caller of a request that required a token, as <see cref="UseClinicScope"/> decided it.</summary>
    public static ClinicUser UserOf(HttpContext context) =>
        context.Features.Get<ClinicUser>() ?? throw new InvalidOperationException("The request required no token: it has no clinic user.");

    /// <summary>Marks an endpoint that reads every clinic the token names when the request names none.</summary>
    public static RouteHandlerBuilder ReadsAcrossClinics(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(AcrossClinics.Instance);

    /// <summary>The clinics a request reads, from those its token names and those it asks for, or why it may not.</summary>
    public static (IReadOnlyList<string> Readable, ProblemDetails? Refusal) Decide(
        IReadOnlyList<string> tokenClinics, StringValues requested, bool acrossClinics) => requested.ToArray() switch
    {
        [_, _, ..] => ([], CommandResults.ProblemDetails(StatusCodes.Status400BadRequest, "malformed-request",
            $"The query parameter '{Parameter}' is given more than once.")),
        [string clinic] => tokenClinics.Contains(clinic)
            ? ([clinic], null)
            : ([], CommandResults.ProblemDetails(StatusCodes.Status403Forbidden, AuthProblems.Forbidden,
                $"The token does not name the clinic the query parameter '{Parameter}' asks for.")),
        _ when tokenClinics.Count == 1 || acrossClinics => (tokenClinics, null),
        _ => ([], CommandResults.ProblemDetails(StatusCodes.Status400BadRequest, ClinicRequired,
            $"The token names several clinics: name the one to read with the query parameter '{Parameter}'.")),
    };

    private static bool RequiresToken(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    private sealed class AcrossClinics
    {
        public static AcrossClinics Instance { get; } = new();
    }
}
