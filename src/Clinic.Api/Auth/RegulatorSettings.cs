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

    private readonly IReadOnlyDictionary<string, string[]> _jurisdictions;

    private RegulatorSettings(IReadOnlyDictionary<string, string[]> jurisdictions) => _jurisdictions = jurisdictions;

    /// <summary>The clinics of the jurisdiction named <paramref name="name"/>; null when none is configured under that name.</summary>
    public IReadOnlyList<string>? ClinicsOf(string name) => _jurisdictions.GetValueOrDefault(name);

    /// <summary>Read child by child rather than bound: a jurisdiction set to an empty value is refused, not left out.</summary>
    public static RegulatorSettings From(IConfiguration configuration)
    {
        var jurisdictions = configuration.GetSection($"{Section}:Jurisdictions").GetChildren().ToDictionary(
            jurisdiction => jurisdiction.Key,
            jurisdiction => jurisdiction.GetChildren().Select(clinic => clinic.Value ?? "").ToArray(),
            StringComparer.OrdinalIgnoreCase);
        if (jurisdictions.Select(Problem).FirstOrDefault(problem => problem is not null) is { } problem)
            throw new InvalidOperationException(problem);
        return new RegulatorSettings(jurisdictions);
    }

    private static string? Problem(KeyValuePair<string, string[]> jurisdiction) =>
        jurisdiction.Value.Length == 0 ? $"{Section}:Jurisdictions:{jurisdiction.Key} lists no clinic."
        : jurisdiction.Value.Select(IdentityClaims.Unusable).FirstOrDefault(why => why is not null) is { } why
            ? $"{Section}:Jurisdictions:{jurisdiction.Key} has a clinic id that {why}."
            : null;
}
