using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Clinic.Domain.Common;

namespace Clinic.Api.Privacy;

/// <summary>
/// The stored JSON's sealing of <see cref="PersonalDataAttribute"/> values, as a System.Text.Json type-info modifier on
/// the options Marten (events, documents) and Wolverine (envelopes, dead letters) store with. A value is sealed for the
/// nearest object being written that has a <c>PatientId</c>: its subject. Reading needs no subject: the sealed value names it.
/// </summary>
public sealed class PersonalDataSealing(PersonalSeal seal)
{
    private const string SubjectProperty = "PatientId";

    public void Modify(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var property in type.Properties.Where(IsPersonal))
            property.CustomConverter = ConverterFor(property);
        if (type.Properties.FirstOrDefault(IsSubject) is { Get: { } subjectOf })
            TrackSubject(type, subjectOf);
    }

    private static bool IsPersonal(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(PersonalDataAttribute), inherit: true) == true;

    private static bool IsSubject(JsonPropertyInfo property) =>
        property.AttributeProvider is PropertyInfo { Name: SubjectProperty } && (property.PropertyType == typeof(Guid) || property.PropertyType == typeof(Guid?));

    private JsonConverter ConverterFor(JsonPropertyInfo property) => property.PropertyType switch
    {
        var t when t == typeof(string) => new SealedString(seal),
        var t when t == typeof(DateOnly) => new SealedDate(seal),
        var t => throw new NotSupportedException($"{property.DeclaringType.Name}.{property.Name}: personal data of type {t.Name} cannot be sealed."),
    };

    /// <summary>The object's patient is the subject while its members are written (Marten and Wolverine serialize synchronously).</summary>
    private static void TrackSubject(JsonTypeInfo type, Func<object, object?> subjectOf)
    {
        var before = type.OnSerializing;
        var after = type.OnSerialized;
        type.OnSerializing = value =>
        {
            before?.Invoke(value);
            Subjects.Enter(subjectOf(value) as Guid?);
        };
        type.OnSerialized = value =>
        {
            Subjects.Leave();
            after?.Invoke(value);
        };
    }

    private static Guid SubjectInScope() =>
        Subjects.Current ?? throw new PersonalDataNotSealable("A personal value is written outside any record of a patient: it cannot be sealed.");

    private sealed class SealedString(PersonalSeal seal) : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } stored && PersonalSeal.IsSealed(stored) ? seal.Open(stored) : reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Sealed(seal, value));
    }

    /// <summary>An erased date reads as <see cref="DateOnly.MinValue"/>: a record must still fold without it.</summary>
    private sealed class SealedDate(PersonalSeal seal) : JsonConverter<DateOnly>
    {
        private const string Format = "yyyy-MM-dd";

        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var stored = reader.GetString()!;
            var clear = PersonalSeal.IsSealed(stored) ? seal.Open(stored) : stored;
            return clear is null ? DateOnly.MinValue : DateOnly.ParseExact(clear, Format, CultureInfo.InvariantCulture);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Sealed(seal, value.ToString(Format, CultureInfo.InvariantCulture)));
    }

    private static string Sealed(PersonalSeal seal, string value)
    {
        try
        {
            return seal.Seal(SubjectInScope(), value);
        }
        catch (PersonalDataNotSealable)
        {
            Subjects.Reset();
            throw;
        }
    }

    /// <summary>
    /// The patients of the objects being written on this thread, innermost last. A write that fails here clears them, so
    /// that it leaves no patient in scope for the next one.
    /// </summary>
    private static class Subjects
    {
        [ThreadStatic]
        private static Stack<Guid?>? _entered;

        public static Guid? Current => _entered is { Count: > 0 } entered ? FirstKnown(entered) : null;

        public static void Enter(Guid? subject) => (_entered ??= new Stack<Guid?>()).Push(subject);

        public static void Leave() => _entered?.Pop();

        public static void Reset() => _entered?.Clear();

        private static Guid? FirstKnown(Stack<Guid?> entered)
        {
            foreach (var subject in entered)
                if (subject is not null)
                    return subject;
            return null;
        }
    }
}
