using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.Api.Records;

/// <summary>
/// Reads an instant only when it says which instant it is: an ISO 8601 date and time with an offset
/// (<c>2025-03-14T10:00:00+01:00</c>, <c>...Z</c>). The framework's converter also reads a bare date or a time without
/// an offset, taking the server's own offset for the missing one. Writes as the framework does.
/// </summary>
internal sealed class InstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var instant) && HasTimeAndOffset(reader.GetString()!)
            ? instant
            : throw new JsonException(); // the serializer's message names the type and the path, never the value

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    /// <summary>A time follows the date after a <c>T</c>; after it, only an offset has <c>Z</c>, <c>+</c> or <c>-</c>.</summary>
    public static bool HasTimeAndOffset(string text) =>
        text.IndexOfAny(['T', 't']) is var time and >= 0 && text.AsSpan(time).IndexOfAny("Zz+-") >= 0;
}
