using Clinic.Api.Auth;
using JasperFx.CommandLine;

namespace Clinic.Api.Cli;

public class DevTokenInput : ClinicInput
{
    [Description("The user the token is for")]
    public string? UserFlag { get; set; }

    [Description("The user's role: receptionist, practitioner, clinician, clinic-admin, regulator or analyst")]
    public string? RoleFlag { get; set; }

    [Description("The clinic the token works in")]
    public string? ClinicFlag { get; set; }

    [Description("The user's full name, which a signature prints (without it the token cannot sign records)")]
    public string? NameFlag { get; set; }

    [Description("How many hours the token lasts (default 8)")]
    public double HoursFlag { get; set; } = 8;
}

/// <summary>
/// <c>dev-token --user U --role R --clinic C [--name "Full Name"] [--hours H]</c>: prints a bearer token signed with the
/// development key, never one the API would refuse for its user, role, clinic or name.
/// </summary>
[Description("Print a development bearer token (Development environment only)", Name = "dev-token")]
public class DevTokenCommand : JasperFxCommand<DevTokenInput>
{
    public override bool Execute(DevTokenInput input)
    {
        var builder = input.ConfigurationOnly();
        if (Refusal(input, builder.Environment) is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return false;
        }
        var settings = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        Console.WriteLine(TokenIssuer.Issue(settings, settings.EffectiveSigningKey(builder.Environment),
            input.UserFlag!, input.RoleFlag!, input.ClinicFlag!, TimeSpan.FromHours(input.HoursFlag), input.NameFlag));
        return true;
    }

    /// <summary>Why no token is printed: not in development, or a user, role or clinic the API would refuse.</summary>
    private static string? Refusal(DevTokenInput input, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
            return "dev-token only works in the Development environment (--environment Development, or ASPNETCORE_ENVIRONMENT=Development).";
        if (input.RoleFlag is null || !ClinicRoles.All.Contains(input.RoleFlag))
            return $"--role must be one of: {string.Join(", ", ClinicRoles.All)}.";
        return IdentifierRefusal("user", input.UserFlag) ?? IdentifierRefusal("clinic", input.ClinicFlag)
            ?? (input.NameFlag is null ? null : IdentifierRefusal("name", input.NameFlag));
    }

    /// <summary>Why the API would refuse a token with this user or clinic id, or name, if it would.</summary>
    private static string? IdentifierRefusal(string flag, string? value) =>
        value is null ? $"--{flag} is required." : IdentityClaims.Unusable(value) is { } why ? $"--{flag} {why}." : null;
}
