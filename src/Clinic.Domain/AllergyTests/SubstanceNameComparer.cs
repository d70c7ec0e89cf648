namespace Clinic.Domain.AllergyTests;

/// <summary>
/// The one way substance names are compared. They are free text typed by different people (the test dose, the
/// reading, the product, the declared allergy), so case, surrounding spaces and runs of spaces inside a name
/// ("Hyaluronic  acid") do not tell two substances apart.
/// </summary>
public sealed class SubstanceNameComparer : IEqualityComparer<string>
{
    public static SubstanceNameComparer Instance { get; } = new();

    /// <summary>One key for the names this comparer takes as one substance: to derive an id from a substance.</summary>
    public static string Key(string name) => Normalize(name)!.ToUpperInvariant();

    public bool Equals(string? x, string? y) =>
        string.Equals(Normalize(x), Normalize(y), StringComparison.OrdinalIgnoreCase);

    public int GetHashCode(string obj) => StringComparer.OrdinalIgnoreCase.GetHashCode(Normalize(obj)!);

    private static string? Normalize(string? name) =>
        name is null ? null : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

internal static class SubstanceNames
{
    /// <summary>Whether <paramref name="names"/> holds <paramref name="substance"/>, as <see cref="SubstanceNameComparer"/> compares them.</summary>
    public static bool HasSubstance(this IEnumerable<string> names, string substance) =>
        names.Contains(substance, SubstanceNameComparer.Instance);
}
