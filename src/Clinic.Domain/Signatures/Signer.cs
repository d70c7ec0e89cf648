namespace Clinic.Domain.Signatures;

/// <summary>
/// Who signs: the user id (the token's subject), the printed name the signature shows (null when the caller's
/// credential carries none, which the rules refuse) and the role the user acts in.
/// </summary>
public sealed record Signer(string UserId, string? PrintedName, string Role);
