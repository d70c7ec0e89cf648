using System.Security.Cryptography;

namespace Clinic.Api.Integrity;

/// <summary>
/// Signs checkpoints with the clinic's ECDSA P-256 key and checks them with it or a retired one, each known by its key
/// id: the first 16 hex digits of the SHA-256 of its public key (SubjectPublicKeyInfo).
/// </summary>
public sealed class CheckpointSigner : IDisposable
{
    private readonly ECDsa _signingKey;
    private readonly Dictionary<string, ECDsa> _publicKeys;

    private CheckpointSigner(ECDsa signingKey, IEnumerable<ECDsa> retiredKeys)
    {
        _signingKey = signingKey;
        KeyId = KeyIdOf(signingKey);
        _publicKeys = retiredKeys.Prepend(signingKey).DistinctBy(KeyIdOf).ToDictionary(KeyIdOf);
    }

    public string KeyId { get; }

    /// <summary>The public key (PEM) of the key, current or retired, with this id.</summary>
    public string? PublicKeyOf(string keyId) => _publicKeys.TryGetValue(keyId, out var key) ? key.ExportSubjectPublicKeyInfoPem() : null;

    public static CheckpointSigner From(IntegritySettings settings, IHostEnvironment environment) =>
        new(Key(settings.EffectiveSigningKey(environment), "Integrity:SigningKey", (key, der) => key.ImportPkcs8PrivateKey(der, out _)),
            settings.RetiredKeys.Select(retired => Key(retired, "Integrity:RetiredKeys", (key, der) => key.ImportSubjectPublicKeyInfo(der, out _))));

    public byte[] Sign(byte[] hash) => _signingKey.SignHash(hash);

    public bool Verifies(string keyId, byte[] hash, byte[] signature) =>
        _publicKeys.TryGetValue(keyId, out var key) && key.VerifyHash(hash, signature);

    public static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    public void Dispose()
    {
        foreach (var key in _publicKeys.Values)
            key.Dispose();
    }

    private static ECDsa Key(string text, string setting, Action<ECDsa, byte[]> importDer)
    {
        var key = ECDsa.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
                key.ImportFromPem(text);
            else
                importDer(key, Convert.FromBase64String(text.Trim()));
            return key.KeySize == 256 ? key : throw new CryptographicException("not a P-256 key");
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or FormatException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{setting} is not an ECDSA P-256 key: {unreadable.Message}", unreadable);
        }
    }
}
