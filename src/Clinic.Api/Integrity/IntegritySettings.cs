namespace Clinic.Api.Integrity;

/// <summary>
/// How the clinic signs its checkpoints (configuration section <c>Integrity</c>). Outside Development a
/// <see cref="SigningKey"/> must be configured; in Development the built-in development key is used when none is.
/// </summary>
public sealed class IntegritySettings
{
    public const string Section = "Integrity";

    /// <summary>Known to everyone who reads this repository: it signs development checkpoints only.</summary>
    public const string DevelopmentSigningKey =
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgpxs6GhXzPlTg12qF46/0/d3zl4wwsLJMNzN2RWk6SqyhRANCAAQDAaqEKg0YthuU3GbFt1oa0giSirWsyTy1+wB7X0d9FZ3bCkAiG3Q6Ah+U7DZ+ncIhkdAZ6pUVSw2iS458uvK9";

    /// <summary>An ECDSA P-256 private key: PEM, or the base64 of its PKCS#8 encoding.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The public keys (PEM, or base64 SubjectPublicKeyInfo) of keys that signed earlier checkpoints, after a rotation.</summary>
    public List<string> RetiredKeys { get; set; } = [];

    /// <summary>How often every clinic's checkpoint is taken, when its streams changed; zero takes none on a timer.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    public string EffectiveSigningKey(IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(SigningKey))
            return SigningKey;
        if (environment.IsDevelopment())
            return DevelopmentSigningKey;
        throw new InvalidOperationException(
            "No checkpoint signing key is configured. Set Integrity:SigningKey (ECDSA P-256); the development key is only used in Development.");
    }
}
