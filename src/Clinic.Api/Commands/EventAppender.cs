using Clinic.Api.Workflow;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.EventStore.Streams;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Commands;

/// <summary>
/// Turns a decision into the unit of work's writes: refused, nothing is queued; accepted, its events go to the
/// stream at the version they were decided on, with the follow-ups they set in motion.
/// </summary>
internal sealed class EventAppender(FollowUps followUps)
{
    public CommandResult Apply(HandlerContext context, Guid streamId, string streamType, long decidedOnVersion, Decision decision, PatientDetails? patient = null)
    {
        if (decision.IsRefused)
            return CommandResult.Reject(decision.Refusal.Code, decision.Refusal.Detail);
        Append(context, streamId, streamType, decidedOnVersion, decision.Events, patient);
        return CommandResult.Accept(decision.Events);
    }

    public void Append(HandlerContext context, Guid streamId, string streamType, long decidedOnVersion, IReadOnlyList<IDomainEvent> events, PatientDetails? patient = null)
    {
        if (events.Count == 0)
            return;
        var session = context.Session;
        if (decidedOnVersion == 0)
            session.Events.StartStream(streamId, streamType, [.. events]);
        else
            session.Events.Append(streamId, ExpectedVersion.Exactly(decidedOnVersion), [.. events]);
        followUps.Plan(context, events, patient);
    }
}
