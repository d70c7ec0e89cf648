namespace Clinic.Api.Signatures;

/// <summary>
/// How fresh the authentication behind a signature must be (configuration section <c>Signing</c>): the token's
/// <c>iat</c> at most <see cref="FreshTokenMinutes"/> (1 to 60, default 5) before the signature.
/// </summary>
public sealed class SigningSettings
{
    public const string Section = "Signing";

    public int FreshTokenMinutes { get; set; } = 5;

    public TimeSpan FreshFor => TimeSpan.FromMinutes(FreshTokenMinutes);

    /// <summary>The configured settings; out of range, the API refuses to start rather than sign on stale tokens.</summary>
    public static SigningSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<SigningSettings>() ?? new SigningSettings();
        return settings.FreshTokenMinutes is >= 1 and <= 60
            ? settings
            : throw new InvalidOperationException($"Signing:FreshTokenMinutes must be from 1 to 60 (was {settings.FreshTokenMinutes}).");
    }
}
