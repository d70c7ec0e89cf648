using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.Api.Privacy;

/// <summary>
/// A personal value as stored: <c>pd1:&lt;patient id&gt;:&lt;base64(nonce | ciphertext | tag)&gt;</c>, AES-256-GCM under the
/// patient's key with a random 12-byte nonce and her id as associated data (a value copied under another patient's id
/// does not open).
/// </summary>
public sealed class PersonalSeal(PersonalKeys keys)
{
    public const string Prefix = "pd1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int SubjectChars = 32;

    public static bool IsSealed(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <exception cref="PersonalDataNotSealable">The patient has no key: she was erased, or her key was never made.</exception>
    public string Seal(Guid subject, string plaintext)
    {
        var key = keys.Find(subject) ?? throw new PersonalDataNotSealable($"Patient {subject} has no key: her personal data cannot be stored.");
        var clear = System.Text.Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + clear.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceBytes, clear.Length), sealedBytes.AsSpan(NonceBytes + clear.Length), subject.ToByteArray());
        return $"{Prefix}{subject:N}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>Untyped stored JSON with every sealed value in it opened.</summary>
    public JsonNode? OpenAll(JsonElement stored) => stored.ValueKind switch
    {
        JsonValueKind.Object => new JsonObject(stored.EnumerateObject().Select(member => KeyValuePair.Create(member.Name, OpenAll(member.Value)))),
        JsonValueKind.Array => new JsonArray([.. stored.EnumerateArray().Select(OpenAll)]),
        JsonValueKind.String when stored.GetString() is { } text && IsSealed(text) => JsonValue.Create(Open(text)),
        _ => JsonSerializer.SerializeToNode(stored),
    };

    /// <summary>The value sealed in <paramref name="stored"/>; null once the patient's key is destroyed.</summary>
    public string? Open(string stored)
    {
        var subject = Guid.ParseExact(stored.AsSpan(Prefix.Length, SubjectChars), "N");
        if (keys.Find(subject) is not { } key)
            return null;
        var sealedBytes = Convert.FromBase64String(stored[(Prefix.Length + SubjectChars + 1)..]);
        var clearLength = sealedBytes.Length - NonceBytes - TagBytes;
        var clear = new byte[clearLength];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, clearLength),
            sealedBytes.AsSpan(NonceBytes + clearLength), clear, subject.ToByteArray());
        return System.Text.Encoding.UTF8.GetString(clear);
    }
}

/// <summary>A personal value that could not be sealed: the write fails rather than store it in clear.</summary>
public sealed class PersonalDataNotSealable(string message) : InvalidOperationException(message);
