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

    [Description("A regulator's clinics, instead of --clinic: --clinics lyon grenoble")]
    public List<string>? ClinicsFlag { get; set; }

    [Description("A regulator's jurisdiction, instead of --clinic: a name under Regulators:Jurisdictions in the configuration")]
    public string? JurisdictionFlag { get; set; }

    [Description("The user's full name, which a signature prints (without it the token cannot sign records)")]
    public string? NameFlag { get; set; }

    [Description("How many hours the token lasts (default 8)")]
    public double HoursFlag { get; set; } = 8;
}

/// <summary>
/// <c>dev-token --user U --role R --clinic C [--name "Full Name"] [--hours H]</c>: prints a bearer token signed with the
/// development key, never one the API would refuse for its user, role, clinics or name. A regulator's may name
/// <c>--clinics C1 C2 ...</c> or <c>--jurisdiction J</c> instead of one clinic; <c>--name</c> is the name a signature prints.
/// </summary>
[Description("Print a development bearer token (Development environment only)", Name = "dev-token")]
public class DevTokenCommand : JasperFxCommand<DevTokenInput>
{
    public override bool Execute(DevTokenInput input)
    {
        var builder = input.ConfigurationOnly();
        if (Refusal(input, builder) is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return false;
        }
        var settings = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        Console.WriteLine(TokenIssuer.Issue(settings, settings.EffectiveSigningKey(builder.Environment),
            input.UserFlag!, input.RoleFlag!, Clinics(input), TimeSpan.FromHours(input.HoursFlag), input.NameFlag));
        return true;
    }

    private static TokenClinics Clinics(DevTokenInput input) =>
        input.ClinicsFlag is { } clinics ? TokenClinics.Several(clinics)
        : input.JurisdictionFlag is { } jurisdiction ? TokenClinics.OfJurisdiction(jurisdiction)
        : TokenClinics.One(input.ClinicFlag!);

    /// <summary>Why no token is printed: not in development, or a user, role or clinics the API would refuse.</summary>
    private static string? Refusal(DevTokenInput input, IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
            return "dev-token only works in the Development environment (--environment Development, or ASPNETCORE_ENVIRONMENT=Development).";
        if (input.RoleFlag is null || !ClinicRoles.All.Contains(input.RoleFlag))
            return $"--role must be one of: {string.Join(", ", ClinicRoles.All)}.";
        return IdentifierRefusal("user", input.UserFlag) ?? ClinicsRefusal(input, RegulatorSettings.From(builder.Configuration))
            ?? (input.NameFlag is null ? null : IdentifierRefusal("name", input.NameFlag));
    }

    /// <summary>Why the API would refuse the clinics the token is to name, if it would.</summary>
    private static string? ClinicsRefusal(DevTokenInput input, RegulatorSettings regulators) =>
        (input.ClinicFlag, input.ClinicsFlag, input.JurisdictionFlag) switch
        {
            (_, null, null) => IdentifierRefusal("clinic", input.ClinicFlag),
            (null, not null, null) or (null, null, not null) when input.RoleFlag != ClinicRoles.Regulator =>
                "Only a regulator's token may name --clinics or --jurisdiction.",
            (null, { } clinics, null) => clinics.Select(clinic => IdentifierRefusal("clinics", clinic)).FirstOrDefault(refusal => refusal is not null),
            (null, null, { } jurisdiction) => IdentifierRefusal("jurisdiction", jurisdiction)
                ?? (regulators.ClinicsOf(jurisdiction) is null
                    ? $"--jurisdiction names no jurisdiction in the configuration ({RegulatorSettings.Section}:Jurisdictions)."
                    : null),
            _ => "Give one of --clinic, --clinics or --jurisdiction, not several.",
        };

    /// <summary>Why the API would refuse a token with this user or clinic id, or name, if it would.</summary>
    private static string? IdentifierRefusal(string flag, string? value) =>
        value is null ? $"--{flag} is required." : IdentityClaims.Unusable(value) is { } why ? $"--{flag} {why}." : null;
}
