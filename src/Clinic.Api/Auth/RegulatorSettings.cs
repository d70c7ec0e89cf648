namespace Clinic.Api.Auth;

/// <summary>
/// The jurisdictions a regulator's token may name (configuration section <c>Regulators</c>):
/// <c>Regulators:Jurisdictions:&lt;name&gt;</c> lists the clinic ids of the jurisdiction. Names are compared as the
/// configuration compares keys, ignoring case. Read once at start-up, which refuses a jurisdiction without clinics or
/// with a clinic id no token could carry.
/// </summary>
public sealed class RegulatorSettings
{
    public const string Section = "Regulators";

    public Dictionary<string, string[]> Jurisdictions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The clinics of the jurisdiction named <paramref name="name"/>; null when none is configured under that name.</summary>
    public IReadOnlyList<string>? ClinicsOf(string name) => Jurisdictions.GetValueOrDefault(name);

    public static RegulatorSettings From(IConfiguration configuration)
    {
        var settings = new RegulatorSettings();
        configuration.GetSection(Section).Bind(settings);
        if (settings.Jurisdictions.Select(Problem).FirstOrDefault(problem => problem is not null) is { } problem)
            throw new InvalidOperationException(problem);
        return settings;
    }

    private static string? Problem(KeyValuePair<string, string[]> jurisdiction) =>
        jurisdiction.Value is not { Length: > 0 } ? $"{Section}:Jurisdictions:{jurisdiction.Key} lists no clinic."
        : jurisdiction.Value.Select(IdentityClaims.Unusable).FirstOrDefault(why => why is not null) is { } why
            ? $"{Section}:Jurisdictions:{jurisdiction.Key} has a clinic id that {why}."
            : null;
}
