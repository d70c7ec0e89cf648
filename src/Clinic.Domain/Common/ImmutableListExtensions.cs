using System.Collections.Immutable;

namespace Clinic.Domain.Common;

internal static class ImmutableListExtensions
{
    /// <summary>Replaces the first item matching; leaves the list as it is when none matches (Evolve stays total).</summary>
    public static ImmutableList<T> ReplaceFirst<T>(this ImmutableList<T> list, Predicate<T> match, Func<T, T> update)
    {
        var index = list.FindIndex(match);
        return index < 0 ? list : list.SetItem(index, update(list[index]));
    }
}
