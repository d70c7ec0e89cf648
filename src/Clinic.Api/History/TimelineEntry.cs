using Clinic.Api.Records;
using Clinic.Domain.Corrections;
using Clinic.EventStore.Events;

namespace Clinic.Api.History;

/// <summary>
/// One recorded fact in a patient's timeline: when, what, by whom and why. A correction names the entry it
/// <see cref="Corrects"/>, and that entry lists it in <see cref="CorrectedBy"/>, so both show side by side.
/// </summary>
public sealed record TimelineEntry(
    Guid EventId,
    long Version,
    DateTimeOffset At,
    string Type,
    string Summary,
    string? By,
    string? Role,
    string? CorrelationId,
    string? Reason,
    Guid? Corrects,
    IReadOnlyList<Guid> CorrectedBy)
{
    public static TimelineEntry From(EventEnvelope @event) => new(
        @event.Id, @event.Version, @event.Timestamp, @event.EventType, EventSummaries.Describe(@event.Data),
        @event.Metadata.ActorId, @event.Metadata.ActorRole, @event.Metadata.CorrelationId, EventReasons.Of(@event),
        (@event.Data as ICorrection)?.CorrectedEventId, []);
}
