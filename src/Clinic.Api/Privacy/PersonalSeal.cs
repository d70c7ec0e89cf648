using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.Api.Privacy;

/// <summary>
/// A personal value as stored: <c>pd2:&lt;base64(patient id | nonce | ciphertext | tag)&gt;</c>, AES-256-GCM under the
/// patient's key with a random 12-byte nonce and her id (its 16 bytes as <see cref="Guid.ToByteArray()"/> writes them)
/// as associated data: a value copied under another patient's id does not open. Values of the first envelope,
/// <c>pd1:&lt;patient id as 32 hex digits&gt;:&lt;base64(nonce | ciphertext | tag)&gt;</c> (9 to 13 characters longer for
/// the same bytes), are sealed alike and still open.
/// </summary>
public sealed class PersonalSeal(PersonalKeys keys)
{
    public const string Prefix = "pd2:";
    public const string FirstEnvelopePrefix = "pd1:";
    private const int SubjectBytes = 16;
    private const int FirstEnvelopeSubjectChars = 32;

    public static bool IsSealed(string? stored) =>
        stored is not null && (stored.StartsWith(Prefix, StringComparison.Ordinal) || stored.StartsWith(FirstEnvelopePrefix, StringComparison.Ordinal));

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
        var (subject, sealedBytes) = stored.StartsWith(Prefix, StringComparison.Ordinal) ? Unwrap(stored) : UnwrapFirstEnvelope(stored);
        return keys.Find(subject) is { } key ? KeyRun.Of(subject, key).Open(sealedBytes) : null;
    }

    /// <returns>The patient, and the nonce, ciphertext and tag.</returns>
    private static (Guid Subject, ArraySegment<byte> SealedBytes) Unwrap(string stored)
    {
        var envelope = Convert.FromBase64String(stored[Prefix.Length..]);
        return (new Guid(envelope.AsSpan(0, SubjectBytes)), new ArraySegment<byte>(envelope, SubjectBytes, envelope.Length - SubjectBytes));
    }

    private static (Guid Subject, ArraySegment<byte> SealedBytes) UnwrapFirstEnvelope(string stored) =>
        (Guid.ParseExact(stored.AsSpan(FirstEnvelopePrefix.Length, FirstEnvelopeSubjectChars), "N"),
            Convert.FromBase64String(stored[(FirstEnvelopePrefix.Length + FirstEnvelopeSubjectChars + 1)..]));

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
        private readonly byte[] _subjectBytes;
        private readonly byte[] _key;
        private readonly AesGcm _aes;

        private KeyRun(Guid subject, byte[] key)
        {
            _subject = subject;
            _subjectBytes = subject.ToByteArray();
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

        /// <summary>The envelope's bytes are laid out first and the text encrypted where it lies (AES-GCM allows it).</summary>
        public string Seal(string plaintext)
        {
            var clearLength = Encoding.UTF8.GetByteCount(plaintext);
            var envelope = new byte[SubjectBytes + NonceBytes + clearLength + TagBytes];
            _subjectBytes.CopyTo(envelope, 0);
            var nonce = envelope.AsSpan(SubjectBytes, NonceBytes);
            Nonces.Fill(nonce);
            var text = envelope.AsSpan(SubjectBytes + NonceBytes, clearLength);
            Encoding.UTF8.GetBytes(plaintext, text);
            _aes.Encrypt(nonce, text, text, envelope.AsSpan(SubjectBytes + NonceBytes + clearLength), _subjectBytes);
            return string.Create(Prefix.Length + Base64.GetMaxEncodedToUtf8Length(envelope.Length), envelope, static (chars, bytes) =>
            {
                Prefix.CopyTo(chars);
                Convert.TryToBase64Chars(bytes, chars[Prefix.Length..], out _);
            });
        }

        /// <summary>Decrypted where they lie.</summary>
        public string Open(Span<byte> sealedBytes)
        {
            var text = sealedBytes[NonceBytes..^TagBytes];
            _aes.Decrypt(sealedBytes[..NonceBytes], text, sealedBytes[^TagBytes..], text, _subjectBytes);
            return Encoding.UTF8.GetString(text);
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
