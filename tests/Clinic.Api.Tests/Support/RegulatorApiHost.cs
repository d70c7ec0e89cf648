using Clinic.Api.Auth;

namespace Clinic.Api.Tests.Support;

/// <summary>The API configured with one jurisdiction of two clinics, which a regulator's token may name.</summary>
public sealed class RegulatorApiHost : ApiHost
{
    public const string Jurisdiction = "north-region";

    public IReadOnlyList<string> JurisdictionClinics { get; } = [TestClinic.Unique("north"), TestClinic.Unique("north")];

    /// <summary>A regulator of the jurisdiction, its token naming it as <paramref name="spelt"/>.</summary>
    public HttpClient JurisdictionRegulator(string spelt = Jurisdiction) =>
        Client(ClinicRoles.Regulator, TokenClinics.OfJurisdiction(spelt), "jurisdiction-regulator");

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        JurisdictionClinics.Select((clinic, index) => KeyValuePair.Create($"{RegulatorSettings.Section}:Jurisdictions:{Jurisdiction}:{index}", (string?)clinic));
}
