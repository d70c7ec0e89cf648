using System.Text.Json;

namespace Clinic.Api.Records;

/// <summary>An enum value as the API writes it: kebab-case (<c>LifeThreatening</c> is <c>life-threatening</c>).</summary>
public static class EnumNames
{
    public static string Of<T>(T value) where T : struct, Enum => Name(value.ToString());

    /// <summary>The names of every value of <paramref name="enumType"/>, in declaration order.</summary>
    public static IEnumerable<string> All(Type enumType) => Enum.GetNames(enumType).Select(Name);

    private static string Name(string member) => JsonNamingPolicy.KebabCaseLower.ConvertName(member);
}
