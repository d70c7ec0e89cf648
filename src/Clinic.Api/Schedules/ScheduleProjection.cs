using Clinic.Domain.Corrections;
using Clinic.Domain.Sessions;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;

namespace Clinic.Api.Schedules;

/// <summary>Async: practitioners' calendars, one document per session so a range query is an index scan.</summary>
internal sealed class ScheduleProjection : MultiStreamProjection<ScheduleEntry, Guid>
{
    public override string Name => "practitioner-schedule";
    public override bool ReadsMetadata => false;

    public override IReadOnlyCollection<Type> EventTypes =>
        [typeof(SessionScheduled), typeof(SessionRescheduled), typeof(SessionCancelled), typeof(SessionMarkedNoShow), typeof(NoShowRetracted),
            typeof(SessionPerformed)];

    protected override IEnumerable<Guid> DocumentIds(EventEnvelope @event) => @event.Data switch
    {
        SessionScheduled e => [e.SessionId],
        SessionRescheduled e => [e.SessionId],
        SessionCancelled e => [e.SessionId],
        SessionMarkedNoShow e => [e.SessionId],
        NoShowRetracted e => [e.SessionId],
        SessionPerformed e => [e.SessionId],
        _ => [],
    };

    protected override ScheduleEntry? Evolve(ScheduleEntry? entry, Guid id, EventEnvelope @event) => @event.Data switch
    {
        SessionScheduled e => new ScheduleEntry(id, e.PractitionerId, e.PatientId, e.PlanId, e.StartsAt, e.EndsAt, SessionStatus.Scheduled),
        SessionRescheduled e when entry is not null => entry with { StartsAt = e.StartsAt, EndsAt = e.EndsAt },
        SessionCancelled when entry is not null => entry with { Status = SessionStatus.Cancelled },
        SessionMarkedNoShow when entry is not null => entry with { Status = SessionStatus.NoShow },
        NoShowRetracted when entry is not null => entry with { Status = SessionStatus.Scheduled },
        SessionPerformed when entry is not null => entry with { Status = SessionStatus.Performed },
        _ => entry,
    };
}
