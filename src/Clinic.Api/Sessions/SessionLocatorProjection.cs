using Clinic.Domain.Common;
using Clinic.Domain.Sessions;
using Clinic.EventStore.Events;
using Clinic.EventStore.Projections;

namespace Clinic.Api.Sessions;

/// <summary>
/// Inline, so that a session can be addressed by its id as soon as it is booked. Each locator comes from
/// one patient stream's <see cref="SessionScheduled"/>.
/// </summary>
internal sealed class SessionLocatorProjection : MultiStreamProjection<SessionLocator, Guid>, IStreamProjection
{
    public override string Name => "session-locator";
    public string StreamType => StreamTypes.Patient;
    public Type DocumentType => typeof(SessionLocator);
    public override IReadOnlyCollection<Type> EventTypes => [typeof(SessionScheduled)];

    protected override IEnumerable<Guid> DocumentIds(EventEnvelope @event) => [((SessionScheduled)@event.Data!).SessionId];

    protected override SessionLocator Evolve(SessionLocator? document, Guid id, EventEnvelope @event)
    {
        var scheduled = (SessionScheduled)@event.Data!;
        return new SessionLocator(scheduled.SessionId, scheduled.PatientId, scheduled.PractitionerId,
            (int)(scheduled.EndsAt - scheduled.StartsAt).TotalMinutes);
    }
}
