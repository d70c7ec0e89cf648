using Clinic.Domain.Common;
using Clinic.Domain.Practitioners;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Clinic.Api.Practitioners;

/// <summary>
/// Inline: the calendar a booking reads is current as soon as the last one commits, and is written in its transaction.
/// Bookings are pruned by the event's own timestamp, so a rebuild gives the live document.
/// </summary>
public sealed class PractitionerCalendarProjection : SingleStreamProjection<PractitionerCalendar, Guid>
{
    /// <summary>
    /// How long before its latest event the calendar keeps bookings that have ended. A decision on an earlier slot (a
    /// clock running behind, a booking made after the fact) reads the whole stream instead, so this only sets how rare
    /// that is.
    /// </summary>
    public static readonly TimeSpan KeptPast = TimeSpan.FromDays(1);

    public PractitionerCalendarProjection()
    {
        Name = "practitioner-calendar";
        foreach (var eventType in EventCatalog.OfStream(StreamTypes.Practitioner))
            IncludeType(eventType.ClrType);
    }

    public override PractitionerCalendar Evolve(PractitionerCalendar? calendar, Guid id, IEvent e)
    {
        var current = calendar ?? new PractitionerCalendar(id, 0, PractitionerDecider.Initial, PrunedBy: null, FoldedFromStreamStart: e.Version == 1);
        var prunedBy = e.Timestamp - KeptPast;
        if (current.PrunedBy > prunedBy)
            prunedBy = current.PrunedBy.Value;
        return current with
        {
            Version = e.Version,
            Practitioner = PractitionerDecider.Evolve(current.Practitioner, (IDomainEvent)e.Data).WithoutBookingsEndedBy(prunedBy),
            PrunedBy = prunedBy,
        };
    }
}
