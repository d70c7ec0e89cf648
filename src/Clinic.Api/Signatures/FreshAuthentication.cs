using System.Globalization;
using Clinic.Api.Auth;
using Clinic.Api.Problems;

namespace Clinic.Api.Signatures;

/// <summary>
/// A signature needs a fresh authentication: a token issued (<c>iat</c>) within <see cref="SigningSettings.FreshFor"/>
/// of the API's clock. Otherwise 401 <c>fresh-authentication-required</c>, with the step-up challenge of RFC 9470
/// (<c>error="insufficient_user_authentication"</c> and the <c>max_age</c> in seconds) so that the client signs the user
/// in again and retries with the new token.
/// </summary>
internal sealed class FreshAuthentication(SigningSettings settings, TimeProvider clock) : IEndpointFilter
{
    public const string Required = "fresh-authentication-required";

    /// <summary>A token dated a little after the API's clock is fresh: the issuer's clock may run ahead by the token check's own skew.</summary>
    private static readonly TimeSpan IssuerClockSkew = TimeSpan.FromSeconds(30);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var issuedAt = IssuedAt(context.HttpContext.User.FindFirst(ClinicClaims.IssuedAt)?.Value);
        var now = clock.GetUtcNow();
        var freshFor = settings.FreshFor;
        if (issuedAt is { } at && at >= now - freshFor && at <= now + IssuerClockSkew)
            return await next(context);

        context.HttpContext.Response.Headers.WWWAuthenticate =
            $"Bearer error=\"insufficient_user_authentication\", error_description=\"A signature needs a token issued within the last {freshFor.TotalMinutes:0} minutes\", max_age=\"{freshFor.TotalSeconds:0}\"";
        return Results.Problem(ProblemFactory.Create(StatusCodes.Status401Unauthorized, "Fresh authentication is required.", Required,
            issuedAt is null
                ? "The token does not say when it was issued (iat): sign in again to sign."
                : $"A signature needs a token issued within the last {freshFor.TotalMinutes:0} minutes; this one was issued at {issuedAt:u}. Sign in again and retry."));
    }

    private static DateTimeOffset? IssuedAt(string? claim) =>
        long.TryParse(claim, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}

internal static class FreshAuthenticationEndpoints
{
    public static RouteHandlerBuilder RequiresFreshAuthentication(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<FreshAuthentication>();
}
