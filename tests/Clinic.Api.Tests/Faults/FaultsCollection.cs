namespace Clinic.Api.Tests.Faults;

/// <summary>
/// The fault tests run one at a time: each drives an API process of its own under load, and together they would
/// starve one another (and the other tests) of the machine's cores. Filter them with <c>Category=Faults</c>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
    public const string Category = "Category";
}
