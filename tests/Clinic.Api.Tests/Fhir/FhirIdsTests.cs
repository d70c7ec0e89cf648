using Clinic.Api.Fhir;

namespace Clinic.Api.Tests.Fhir;

/// <summary>The ids of resources without a domain id of their own are RFC 9562 name-based UUIDs: the same name, the same id.</summary>
public class FhirIdsTests
{
    private static readonly Guid DnsNamespace = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void A_derived_id_is_the_version_5_uuid_of_the_name_under_its_owner()
    {
        FhirIds.Derived(DnsNamespace, "python.org").ShouldBe(Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    [Fact]
    public void Another_owner_or_name_is_another_id()
    {
        var owner = Guid.NewGuid();

        FhirIds.Derived(owner, "medication:HA\nLOT-1").ShouldBe(FhirIds.Derived(owner, "medication:HA\nLOT-1"));
        FhirIds.Derived(owner, "medication:HA\nLOT-2").ShouldNotBe(FhirIds.Derived(owner, "medication:HA\nLOT-1"));
        FhirIds.Derived(Guid.NewGuid(), "medication:HA\nLOT-1").ShouldNotBe(FhirIds.Derived(owner, "medication:HA\nLOT-1"));
    }
}
