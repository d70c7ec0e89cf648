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
    private const int SubjectChars = 32;

    public static bool IsSealed(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <exception cref="PersonalDataNotSealable">The patient has no key: she was erased, or her key was never made.</exception>
    public string Seal(Guid subject, string plaintext)
    {
        var key = keys.Find(subject) ?? throw new PersonalDataNotSealable($"Patient {subject} has no key: her personal data cannot be stored.");
        return KeyRun.Of(subject, key).Seal(plaintext);
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
        return keys.Find(subject) is { } key ? KeyRun.Of(subject, key).Open(stored) : null;
    }

    /// <summary>
    /// A thread's AES-GCM cipher under the key it used last. A patient's values are sealed and opened in runs (her
    /// event, then the documents that copy its values), so the cipher is set up once per run. A run ends when the thread
    /// turns to another key, or to a new one of hers (read again, or destroyed: then nothing reaches here).
    /// </summary>
    private sealed class KeyRun : IDisposable
    {
        private const int NonceBytes = 12;
        private const int TagBytes = 16;

        [ThreadStatic]
        private static KeyRun? _current;

        private readonly Guid _subject;
        private readonly byte[] _key;
        private readonly AesGcm _aes;

        private KeyRun(Guid subject, byte[] key)
        {
            _subject = subject;
            _key = key;
            _aes = new AesGcm(key, TagBytes);
        }

        public static KeyRun Of(Guid subject, byte[] key)
        {
            if (_current is { } run && run._subject == subject && ReferenceEquals(run._key, key))
                return run;
            _current?.Dispose();
            _current = null;
            return _current = new KeyRun(subject, key);
        }

        public void Dispose() => _aes.Dispose();

        public string Seal(string plaintext)
        {
            var clear = System.Text.Encoding.UTF8.GetBytes(plaintext);
            var sealedBytes = new byte[NonceBytes + clear.Length + TagBytes];
            var nonce = sealedBytes.AsSpan(0, NonceBytes);
            Nonces.Fill(nonce);
            _aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceBytes, clear.Length), sealedBytes.AsSpan(NonceBytes + clear.Length), _subject.ToByteArray());
            return $"{Prefix}{_subject:N}:{Convert.ToBase64String(sealedBytes)}";
        }

        public string Open(string stored)
        {
            var sealedBytes = Convert.FromBase64String(stored[(Prefix.Length + SubjectChars + 1)..]);
            var clearLength = sealedBytes.Length - NonceBytes - TagBytes;
            var clear = new byte[clearLength];
            _aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, clearLength),
                sealedBytes.AsSpan(NonceBytes + clearLength), clear, _subject.ToByteArray());
            return System.Text.Encoding.UTF8.GetString(clear);
        }
    }

    /// <summary>
    /// Random nonces drawn from a thread's buffer of the system's cryptographic random bytes, refilled a few hundred
    /// nonces at a time: one call to the generator costs more than sealing a short value.
    /// </summary>
    private static class Nonces
    {
        private const int BufferBytes = 4096;

        [ThreadStatic]
        private static byte[]? _buffer;

        [ThreadStatic]
        private static int _used;

        public static void Fill(Span<byte> nonce)
        {
            if (_buffer is null || _used + nonce.Length > BufferBytes)
            {
                RandomNumberGenerator.Fill(_buffer ??= new byte[BufferBytes]);
                _used = 0;
            }
            _buffer.AsSpan(_used, nonce.Length).CopyTo(nonce);
            _used += nonce.Length;
        }
    }
}

/// <summary>A personal value that could not be sealed: the write fails rather than store it in clear.</summary>
public sealed class PersonalDataNotSealable(string message) : InvalidOperationException(message);
