using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Clinic.Api.History;

/// <summary>
/// Inline: a patient's clinical state is current as soon as a command on it commits. Time travel (<c>asOf</c>) folds the
/// same way, through Marten's live aggregation of the stream up to that time.
/// </summary>
public sealed class PatientHistoryProjection : SingleStreamProjection<PatientHistory, Guid>
{
    public PatientHistoryProjection()
    {
        Name = "patient-history";
        foreach (var eventType in EventCatalog.OfStream(StreamTypes.Patient))
            IncludeType(eventType.ClrType);
    }

    public override PatientHistory Evolve(PatientHistory? snapshot, Guid id, IEvent e)
    {
        var current = snapshot ?? new PatientHistory(id, 0, PatientDecider.Initial);
        return current with { Version = e.Version, Record = PatientDecider.Evolve(current.Record, (IDomainEvent)e.Data) };
    }
}
