using Clinic.Api.Records;
using Clinic.Domain.Access;
using Clinic.Domain.Common;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;
using Clinic.EventStore.Sessions;

namespace Clinic.Api.Audit;

/// <summary>Async: every event of every stream, with who did it, when and why, numbered per clinic.</summary>
internal sealed class AuditTrailProjection : EventProjection
{
    public override string Name => "audit-trail";
    public override IReadOnlyCollection<Type> EventTypes { get; } = EventCatalog.All.Select(e => e.ClrType).ToList();
    public override IReadOnlyCollection<Type> DocumentTypes => [typeof(AuditEntry), typeof(AuditCounter)];

    protected override async Task ProjectAsync(IDocumentOperations operations, EventEnvelope @event, CancellationToken cancellationToken)
    {
        var counter = await operations.LoadAsync<AuditCounter>(AuditCounter.DocumentId, cancellationToken) ?? new AuditCounter(AuditCounter.DocumentId, 0);
        var next = counter with { Last = counter.Last + 1 };
        operations.Store(next);
        operations.Store(Entry(@event, next.Last));
    }

    private static AuditEntry Entry(EventEnvelope @event, long position)
    {
        var streamType = EventCatalog.TryGet(@event.EventType, out var type) ? type.StreamType : "unknown";
        return new AuditEntry(
            @event.Id, position, @event.Sequence, @event.Timestamp, @event.TenantId,
            @event.Metadata.ActorId, @event.Metadata.ActorRole, @event.EventType, @event.StreamId, streamType,
            PatientOf(@event, streamType), @event.Metadata.CorrelationId, @event.Metadata.CausationId,
            EventReasons.Of(@event), EventSummaries.Describe(@event.Data));
    }

    private static Guid? PatientOf(EventEnvelope @event, string streamType) =>
        streamType == StreamTypes.Patient ? @event.StreamId : (@event.Data as RecordViewed)?.PatientId;
}
