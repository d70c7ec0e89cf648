namespace Clinic.Api.Audit;

/// <summary>
/// One event as the audit trail shows it. <see cref="Position"/> numbers a clinic's entries 1, 2, 3... in the
/// order the daemon applies them (commit order), with no gaps, so paging by it never misses an entry.
/// </summary>
public sealed record AuditEntry(
    Guid Id,
    long Position,
    long Sequence,
    DateTimeOffset RecordedAt,
    string Clinic,
    string? ActorId,
    string? ActorRole,
    string EventType,
    Guid StreamId,
    string StreamType,
    Guid? PatientId,
    string? CorrelationId,
    string? CausationId,
    string? Reason,
    string Summary);
