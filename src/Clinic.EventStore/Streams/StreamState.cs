namespace Clinic.EventStore.Streams;

/// <summary>A stream's header: its type, current version and when it was created and last appended to.</summary>
public sealed record StreamState(
    Guid Id, string StreamType, long Version, string TenantId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
