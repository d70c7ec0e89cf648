using Clinic.Domain.Common;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Clinic.Api.History;

/// <summary>
/// Inline: every event of a patient's stream stored as its timeline entry, in the transaction that records it. Nothing
/// is read first and no entry is rewritten: which later entries correct an entry is worked out when the timeline is read.
/// Each entry is keyed in time order (<see cref="TimelineDocument.KeyOf"/>).
/// </summary>
public sealed partial class PatientTimelineProjection : EventProjection
{
    private static readonly HashSet<Type> PatientEvents = [.. EventCatalog.OfStream(StreamTypes.Patient).Select(eventType => eventType.ClrType)];

    public PatientTimelineProjection()
    {
        Name = "patient-timeline";
        foreach (var eventType in PatientEvents)
            IncludeType(eventType);
    }

    /// <remarks>
    /// Run inline, the projection is handed every event its session appends, whatever the types included (those filter
    /// what the daemon reads when it is rebuilt): the access log's looks and the practitioners' bookings are not a
    /// patient's timeline.
    /// </remarks>
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (PatientEvents.Contains(e.EventType))
            operations.Store(new TimelineDocument(TimelineDocument.KeyOf(e), e.StreamId, TimelineEntry.From(e)));
        return ValueTask.CompletedTask;
    }
}
