using Clinic.Domain.Corrections;
using Clinic.Domain.Sessions;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Clinic.Api.Schedules;

/// <summary>Async: practitioners' calendars, one document per session so a range query is an index scan.</summary>
public sealed class ScheduleProjection : MultiStreamProjection<ScheduleEntry, Guid>
{
    public ScheduleProjection()
    {
        Name = "practitioner-schedule";
        Identity<SessionScheduled>(e => e.SessionId);
        Identity<SessionRescheduled>(e => e.SessionId);
        Identity<SessionCancelled>(e => e.SessionId);
        Identity<SessionMarkedNoShow>(e => e.SessionId);
        Identity<NoShowRetracted>(e => e.SessionId);
        Identity<SessionPerformed>(e => e.SessionId);
    }

    public override ScheduleEntry? Evolve(ScheduleEntry? entry, Guid id, IEvent e) => e.Data switch
    {
        SessionScheduled s => new ScheduleEntry(id, s.PractitionerId, s.PatientId, s.PlanId, s.StartsAt, s.EndsAt, SessionStatus.Scheduled),
        SessionRescheduled s when entry is not null => entry with { StartsAt = s.StartsAt, EndsAt = s.EndsAt },
        SessionCancelled when entry is not null => entry with { Status = SessionStatus.Cancelled },
        SessionMarkedNoShow when entry is not null => entry with { Status = SessionStatus.NoShow },
        NoShowRetracted when entry is not null => entry with { Status = SessionStatus.Scheduled },
        SessionPerformed when entry is not null => entry with { Status = SessionStatus.Performed },
        _ => entry,
    };
}
