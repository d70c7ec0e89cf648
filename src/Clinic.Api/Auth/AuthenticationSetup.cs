using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Api.Auth;

internal static class AuthenticationSetup
{
    public static void AddClinicAuthentication(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        // Resolved now, not when the first request needs it: a misconfigured API refuses to start instead of answering 500s.
        var signingKey = string.IsNullOrWhiteSpace(settings.Authority) ? TokenIssuer.SecurityKey(settings.EffectiveSigningKey(builder.Environment)) : null;
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(RegulatorSettings.From(builder.Configuration));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.Events = AuthProblems.Events();
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                NameClaimType = ClinicClaims.Subject,
                RoleClaimType = ClinicClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (signingKey is null)
                jwt.Authority = settings.Authority;
            else
                jwt.TokenValidationParameters.IssuerSigningKey = signingKey;
        });
        builder.Services.AddAuthorization(options => options.AddClinicPolicies());
    }
}
