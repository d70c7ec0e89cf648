using Clinic.Api.Auth;
using Microsoft.Extensions.Configuration;

namespace Clinic.Api.Tests.Auth;

/// <summary>The jurisdictions a regulator's token may name come from the configuration, checked at start-up.</summary>
public class RegulatorSettingsTests
{
    [Fact]
    public void A_jurisdiction_lists_its_clinics_and_is_found_whatever_the_case_of_its_name()
    {
        var settings = RegulatorSettings.From(Configuration(new()
        {
            ["Regulators:Jurisdictions:auvergne-rhone-alpes:0"] = "lyon",
            ["Regulators:Jurisdictions:auvergne-rhone-alpes:1"] = "grenoble",
        }));

        settings.ClinicsOf("Auvergne-Rhone-Alpes").ShouldBe(["lyon", "grenoble"]);
        settings.ClinicsOf("bretagne").ShouldBeNull();
    }

    [Theory]
    [InlineData("", "lists no clinic")]
    [InlineData(" ", "has a clinic id that is empty or blank")]
    [InlineData("lyon\tnord", "has a clinic id that contains a control character")]
    public void A_jurisdiction_without_usable_clinics_is_refused_at_startup(string clinic, string problem)
    {
        var configuration = Configuration(clinic == ""
            ? new() { ["Regulators:Jurisdictions:bretagne"] = "" }
            : new() { ["Regulators:Jurisdictions:bretagne:0"] = clinic });

        Should.Throw<InvalidOperationException>(() => RegulatorSettings.From(configuration)).Message
            .ShouldBe($"Regulators:Jurisdictions:bretagne {problem}.");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
