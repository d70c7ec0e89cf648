namespace Clinic.Api.Integrity;

/// <summary>An event row as <c>mt_events</c> stores it: the columns its hash covers, as text where PostgreSQL renders them.</summary>
public sealed record StoredEvent(
    string TenantId, Guid StreamId, long Version, long Sequence, Guid Id, string Type, string? DotNetType,
    DateTime Timestamp, string Data, string? Headers, string? CorrelationId, string? CausationId)
{
    public bool IsTombstone => Type == EventHash.TombstoneType;
}

/// <summary>A row of the hash table: the hash of the event at <see cref="Version"/> and the hash it was chained to.</summary>
public sealed record StoredLink(long Version, byte[] Hash, byte[] PreviousHash);
