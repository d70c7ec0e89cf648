using System.Text.Json;

namespace Clinic.Api.Records;

/// <summary>An enum value as the API writes it: kebab-case (<c>LifeThreatening</c> is <c>life-threatening</c>).</summary>
public static class EnumNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
