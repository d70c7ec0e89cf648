using System.Collections.Concurrent;
using Clinic.Api.Records;
using Clinic.Domain.Access;
using Clinic.Domain.Common;
using Clinic.Api.Commands;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Clinic.Api.Audit;

/// <summary>
/// Async: every event of every stream, with who did it, when and why, numbered 1, 2, 3... per clinic in the order
/// the daemon applies them. The daemon hands this projection one clinic's events of a batch at a time: the clinic's
/// last position is read once before them (a load inside the batch would not see the batch's own writes). With events
/// partitioned by clinic, clinics are applied by agents of their own, concurrently: hence one last position per clinic.
/// </summary>
public sealed partial class AuditTrailProjection : EventProjection
{
    private readonly ConcurrentDictionary<string, long> _lastPositions = new();

    public AuditTrailProjection()
    {
        Name = "audit-trail";
        foreach (var eventType in EventCatalog.All)
            IncludeType(eventType.ClrType);
    }

    public override async Task EnrichEventsAsync(IQuerySession querySession, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count > 0)
            _lastPositions[events[0].TenantId] = (await querySession.LoadAsync<AuditCounter>(AuditCounter.DocumentId, cancellation))?.Last ?? 0;
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        var position = _lastPositions[e.TenantId] + 1;
        _lastPositions[e.TenantId] = position;
        operations.Store(new AuditCounter(AuditCounter.DocumentId, position));
        operations.Store(Entry(e, position));
        return ValueTask.CompletedTask;
    }

    private static AuditEntry Entry(IEvent e, long position)
    {
        var streamType = EventCatalog.TryGet(e.EventTypeName, out var type) ? type.StreamType : "unknown";
        return new AuditEntry(
            e.Id, position, e.Sequence, e.Timestamp, e.TenantId,
            EventHeaders.Of(e, EventHeaders.ActorId), EventHeaders.Of(e, EventHeaders.ActorRole), e.EventTypeName, e.StreamId, streamType,
            PatientOf(e, streamType), e.CorrelationId, e.CausationId, EventReasons.Of(e), EventSummaries.Describe(e.Data));
    }

    private static Guid? PatientOf(IEvent e, string streamType) =>
        streamType == StreamTypes.Patient ? e.StreamId : (e.Data as RecordViewed)?.PatientId;
}
