namespace Clinic.Domain.AllergyTests;

/// <summary>Substance names are compared ignoring case and surrounding spaces.</summary>
internal sealed class SubstanceNameComparer : IEqualityComparer<string>
{
    public static SubstanceNameComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) =>
        string.Equals(x?.Trim(), y?.Trim(), StringComparison.OrdinalIgnoreCase);

    public int GetHashCode(string obj) => StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Trim());
}
