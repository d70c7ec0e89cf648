namespace Clinic.Api.Auth;

/// <summary>
/// How bearer tokens are checked (configuration section <c>Auth</c>). Outside Development either an
/// OpenID Connect <see cref="Authority"/> or a <see cref="SigningKey"/> must be configured; in
/// Development the built-in development key is used when neither is.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>Known to everyone who reads this repository: it signs development tokens only.</summary>
    public const string DevelopmentSigningKey = "clinic-development-signing-key-not-for-production-use-0001";

    public string Issuer { get; set; } = "clinic";
    public string Audience { get; set; } = "clinic-api";

    /// <summary>A symmetric key (at least 32 characters) that signs tokens with HMAC-SHA256.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect issuer whose published keys sign tokens.</summary>
    public string? Authority { get; set; }

    public string EffectiveSigningKey(IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(SigningKey))
            return SigningKey.Length >= 32 ? SigningKey : throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters.");
        if (environment.IsDevelopment())
            return DevelopmentSigningKey;
        throw new InvalidOperationException(
            "No token signing authority is configured. Set Auth:Authority (OpenID Connect) or Auth:SigningKey; the development key is only used in Development.");
    }
}
