using System.Net;
using Clinic.Api.Auth;
using Clinic.Api.Demo;
using Clinic.Api.Http;
using Microsoft.Extensions.FileProviders;

namespace Clinic.Api.Dashboard;

/// <summary>
/// The dashboard as a page, at <c>/dashboard</c>: HTML, its script and Chart.js, embedded in the assembly (so the page
/// is served whatever folder the API runs from), loaded without a token. Its data comes from <c>GET /api/dashboard</c>
/// with the token the user gives it; in Development, from an analyst token it asks <c>/dashboard/dev-token</c> for.
/// </summary>
internal static class DashboardPage
{
    public const string Path = "/dashboard";
    public const string DevTokenPath = "/dashboard/dev-token";

    /// <summary>
    /// The page and its files run only the scripts served here (the page has no inline script) and talk only to this
    /// API: a script injected into the page, or one that would send the token elsewhere, is refused by the browser.
    /// </summary>
    public const string ContentSecurityPolicy =
        "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly TimeSpan DevTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>Serves the page's files; before authentication, as they hold no data.</summary>
    public static void UseDashboardPageFiles(this WebApplication app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = PageFiles,
            RequestPath = Path,
            OnPrepareResponse = file => file.Context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy,
        });

    public static void MapDashboardPage(this WebApplication app)
    {
        app.MapGet(Path, ServePage).AllowAnonymous().ExcludeFromDescription();
        if (app.Environment.IsDevelopment())
            app.MapGet(DevTokenPath, DevToken).AllowAnonymous().ExcludeFromDescription();
    }

    private static EmbeddedFileProvider PageFiles { get; } = new(typeof(DashboardPage).Assembly, "Clinic.Api.Dashboard.Page");

    /// <summary>The page, revalidated at each visit (<c>no-cache</c>) so that a new release's page is seen at once.</summary>
    private static IResult ServePage(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.CacheControl = "no-cache";
        return Results.Stream(PageFiles.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8");
    }

    /// <summary>
    /// Development only: an analyst token for <paramref name="clinic"/> (the demo clinic unless told), signed with the
    /// key the API checks tokens with, as <c>dev-token</c> prints one. An analyst reads the dashboard and nothing else.
    /// Only for a browser on the same machine: a Development API reachable from elsewhere hands no token out.
    /// </summary>
    private static IResult DevToken(string? clinic, HttpContext context, IConfiguration configuration, IHostEnvironment environment)
    {
        if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
            return Results.NotFound();
        var clinicId = clinic ?? SeedDemoCommand.DefaultClinic;
        if (IdentityClaims.Unusable(clinicId) is { } why)
            return Results.Problem(CommandResults.ProblemDetails(StatusCodes.Status400BadRequest, "malformed-request", $"The clinic {why}."));
        var settings = configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        var token = TokenIssuer.Issue(settings, settings.EffectiveSigningKey(environment), "dashboard-developer", ClinicRoles.Analyst, clinicId, DevTokenLifetime);
        return Results.Ok(new DevDashboardToken(token, clinicId));
    }
}

public sealed record DevDashboardToken(string Token, string Clinic);
