using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Clinic.Api.Integrity;

/// <summary>
/// SHA-256 over fields written without ambiguity: each as its 4-byte big-endian length (-1 for none) and its bytes, so
/// no two different lists of fields write the same bytes.
/// </summary>
public sealed class CanonicalHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _length = new byte[4];

    /// <summary>Bytes taken as they are, before any field (the previous hash of a chain).</summary>
    public CanonicalHash Raw(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        return this;
    }

    public CanonicalHash Field(string? text) => text is null ? Length(-1) : Field(Encoding.UTF8.GetBytes(text));

    public CanonicalHash Field(ReadOnlySpan<byte> bytes) => Length(bytes.Length).Raw(bytes);

    public byte[] Finish() => _hash.GetHashAndReset();

    public void Dispose() => _hash.Dispose();

    private CanonicalHash Length(int length)
    {
        BinaryPrimitives.WriteInt32BigEndian(_length, length);
        return Raw(_length);
    }
}
