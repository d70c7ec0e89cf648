using Clinic.Domain.Sessions;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Clinic.Api.Sessions;

/// <summary>
/// Inline, so that a session can be addressed by its id as soon as it is booked. Each locator comes from
/// one patient stream's <see cref="SessionScheduled"/>.
/// </summary>
public sealed class SessionLocatorProjection : MultiStreamProjection<SessionLocator, Guid>
{
    public SessionLocatorProjection()
    {
        Name = "session-locator";
        Identity<SessionScheduled>(e => e.SessionId);
    }

    public override SessionLocator? Evolve(SessionLocator? snapshot, Guid id, IEvent e) => e.Data switch
    {
        SessionScheduled scheduled => new SessionLocator(scheduled.SessionId, scheduled.PatientId, scheduled.PractitionerId,
            (int)(scheduled.EndsAt - scheduled.StartsAt).TotalMinutes),
        _ => snapshot,
    };
}
