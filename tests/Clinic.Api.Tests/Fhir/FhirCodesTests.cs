using Clinic.Api.Fhir;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace Clinic.Api.Tests.Fhir;

/// <summary>The clinic's code systems live under the deployment's <c>Fhir:SystemBase</c>, a placeholder until it is set.</summary>
public class FhirCodesTests
{
    private static FhirCodes Configured(string? systemBase, string environment = "Development") =>
        FhirCodes.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [FhirCodes.SystemBaseKey] = systemBase }).Build(),
            new HostingEnvironment { EnvironmentName = environment });

    [Fact]
    public void The_configured_base_names_the_code_systems_identifiers_and_extensions()
    {
        var codes = Configured("https://fhir.clinic-lyon.fr/");

        codes.SystemOf("technique").ShouldBe("https://fhir.clinic-lyon.fr/CodeSystem/technique");
        codes.IdentifierOf("patient", "p1").System.ShouldBe("https://fhir.clinic-lyon.fr/NamingSystem/patient");
        codes.ExtensionOf("as-of").ShouldBe("https://fhir.clinic-lyon.fr/StructureDefinition/as-of");
    }

    [Fact]
    public void Unset_it_is_the_placeholder_in_development_only_and_a_base_that_is_no_http_url_or_has_a_query_stops_the_start()
    {
        Configured(null).SystemOf("technique").ShouldBe($"{FhirCodes.DefaultSystemBase}/CodeSystem/technique");
        Should.Throw<InvalidOperationException>(() => Configured(null, "Production")).Message.ShouldContain(FhirCodes.SystemBaseKey);
        Configured("https://fhir.clinic-lyon.fr", "Production").SystemOf("technique").ShouldBe("https://fhir.clinic-lyon.fr/CodeSystem/technique");
        Should.Throw<InvalidOperationException>(() => Configured("clinic/fhir"));
        Should.Throw<InvalidOperationException>(() => Configured("urn:clinic:fhir"));
        Should.Throw<InvalidOperationException>(() => Configured("https://fhir.clinic-lyon.fr/fhir?tenant=lyon"));
        Should.Throw<InvalidOperationException>(() => Configured("https://fhir.clinic-lyon.fr/fhir#codes"));
    }
}
