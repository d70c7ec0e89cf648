using Clinic.Api.Auth;

namespace Clinic.Api.Cli;

/// <summary>
/// <c>dev-token --user U --role R --clinic C [--hours H]</c>: prints a bearer token signed with the development key,
/// never one the API would refuse for its user, role or clinic.
/// </summary>
internal static class DevTokenCommand
{
    public static readonly string[] Options = ["user", "role", "clinic", "hours"];

    public static int Run(CommandLine command, WebApplicationBuilder builder, TextWriter output)
    {
        if (!builder.Environment.IsDevelopment())
            throw new CommandLineException("dev-token only works in the Development environment (ASPNETCORE_ENVIRONMENT=Development).");
        var role = command.Required("role");
        if (!ClinicRoles.All.Contains(role))
            throw new CommandLineException($"--role must be one of: {string.Join(", ", ClinicRoles.All)}.");
        var settings = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        var hours = command.Options.TryGetValue("hours", out var h) && double.TryParse(h, out var parsed) ? parsed : 8;
        output.WriteLine(TokenIssuer.Issue(settings, settings.EffectiveSigningKey(builder.Environment),
            Identifier(command, "user"), role, Identifier(command, "clinic"), TimeSpan.FromHours(hours)));
        return 0;
    }

    /// <summary>A user or clinic id the API will accept in a token: it refuses the token otherwise.</summary>
    private static string Identifier(CommandLine command, string option)
    {
        var value = command.Required(option);
        return IdentityClaims.Unusable(value) is { } why ? throw new CommandLineException($"--{option} {why}.") : value;
    }
}
