using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.Api.Records;

/// <summary>
/// Reads and writes enums by their <see cref="EnumNames"/> only. The framework's string enum converter also
/// reads numbers, numeric strings, other casings and comma-separated flag combinations, none of which is a
/// documented value.
/// </summary>
internal sealed class EnumNameConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Names<>).MakeGenericType(typeToConvert))!;

    private sealed class Names<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(EnumNames.Of, StringComparer.Ordinal);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value)
                ? value
                : throw new JsonException(); // the serializer's message names the type and the path

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(EnumNames.Of(value));
    }
}
