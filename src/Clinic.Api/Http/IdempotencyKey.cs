namespace Clinic.Api.Http;

/// <summary>A caller's key for one command, with a hash of the request it came with.</summary>
public sealed record IdempotencyKey(string Key, string RequestHash);

/// <summary>The events one command appended to one stream: versions <see cref="FromVersion"/> to <see cref="ToVersion"/>.</summary>
public sealed record AppendedRange(Guid StreamId, long FromVersion, long ToVersion);

/// <summary>
/// Marten document, committed with the command's events: the key a command came with, the request it fingerprinted,
/// and what the command appended, from which its answer is given again to a retry. Kept for
/// <c>Messaging:IdempotencyRetention</c> (24 hours by default).
/// </summary>
public sealed record IdempotencyRecord(string Id, string RequestHash, IReadOnlyList<AppendedRange> Appended, DateTimeOffset ExpiresAt);
