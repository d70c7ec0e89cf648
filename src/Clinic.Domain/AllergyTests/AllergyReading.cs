using Clinic.Domain.Common;

namespace Clinic.Domain.AllergyTests;

/// <summary>
/// The reading of a test. A reaction with no <see cref="ReactedSubstances"/> means every tested substance reacted.
/// </summary>
public sealed record AllergyReading(
    DateTimeOffset ReadAt,
    bool Reaction,
    IReadOnlyList<string> ReactedSubstances,
    [property: PersonalData] string? Notes);
