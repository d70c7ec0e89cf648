using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;

namespace Clinic.Api.History;

/// <summary>Inline: a patient's history is current as soon as a command on it commits.</summary>
internal sealed class PatientHistoryProjection : SingleStreamProjection<PatientHistory>
{
    public override string Name => "patient-history";
    public override string StreamType => StreamTypes.Patient;

    public override IReadOnlyCollection<Type> EventTypes { get; } =
        EventCatalog.All.Where(e => e.StreamType == StreamTypes.Patient).Select(e => e.ClrType).ToList();

    /// <summary>The history as it stood after <paramref name="events"/> (time travel uses the same fold as the live projection).</summary>
    public PatientHistory? Replay(Guid patientId, IEnumerable<EventEnvelope> events) =>
        events.Aggregate((PatientHistory?)null, (history, e) => Evolve(history, patientId, e));

    protected override PatientHistory Evolve(PatientHistory? document, Guid id, EventEnvelope @event)
    {
        var current = document ?? new PatientHistory(id, 0, PatientDecider.Initial, []);
        var corrected = (@event.Data as ICorrection)?.CorrectedEventId;
        var timeline = current.Timeline
            .Select(entry => entry.EventId == corrected ? entry with { CorrectedBy = [.. entry.CorrectedBy, @event.Id] } : entry)
            .Append(TimelineEntry.From(@event))
            .ToList();
        return current with
        {
            Version = @event.Version,
            Record = PatientDecider.Evolve(current.Record, (IDomainEvent)@event.Data!),
            Timeline = timeline,
        };
    }
}
