using Clinic.Domain.Sessions;
using Marten;
using Marten.Events.Projections;

namespace Clinic.Api.Sessions;

/// <summary>
/// Inline, so that a session can be addressed by its id as soon as it is booked. Each locator comes from one patient
/// stream's <see cref="SessionScheduled"/> and never changes, so it is stored without reading anything first.
/// </summary>
public sealed partial class SessionLocatorProjection : EventProjection
{
    public SessionLocatorProjection()
    {
        Name = "session-locator";
    }

    public void Project(SessionScheduled scheduled, IDocumentOperations operations) =>
        operations.Store(new SessionLocator(scheduled.SessionId, scheduled.PatientId, scheduled.PractitionerId,
            (int)(scheduled.EndsAt - scheduled.StartsAt).TotalMinutes));
}
