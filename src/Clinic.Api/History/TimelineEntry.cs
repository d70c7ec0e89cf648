using Clinic.Api.Records;
using Clinic.Domain.Corrections;
using Clinic.Api.Commands;
using JasperFx.Events;

namespace Clinic.Api.History;

/// <summary>
/// One recorded fact in a patient's timeline: when, what, by whom and why. A correction names the entry it
/// <see cref="Corrects"/>, and that entry lists it in <see cref="CorrectedBy"/> (filled when the timeline is read), so
/// both show side by side. <see cref="RecordId"/> is the record the event is about (<see cref="EventRecords"/>); null in
/// entries stored before it was kept, until the timeline projection is rebuilt.
/// </summary>
public sealed record TimelineEntry(
    Guid EventId,
    long Version,
    DateTimeOffset At,
    string Type,
    Guid? RecordId,
    string Summary,
    string? By,
    string? Role,
    string? CorrelationId,
    string? Reason,
    Guid? Corrects,
    IReadOnlyList<Guid> CorrectedBy)
{
    public static TimelineEntry From(IEvent @event) => new(
        @event.Id, @event.Version, @event.Timestamp, @event.EventTypeName, EventRecords.IdOf(@event.Data), EventSummaries.Describe(@event.Data),
        EventHeaders.Of(@event, EventHeaders.ActorId), EventHeaders.Of(@event, EventHeaders.ActorRole), @event.CorrelationId,
        EventReasons.Of(@event), (@event.Data as ICorrection)?.CorrectedEventId, []);
}
