using Clinic.Api.Workflow;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Commands;

/// <summary>
/// Turns a decision into the session's writes: refused, nothing is queued; accepted, its events go to the
/// stream at the version they were decided on, with the follow-ups they set in motion.
/// </summary>
internal sealed class EventAppender(FollowUps followUps)
{
    public CommandResult Apply(HandlerContext context, Guid streamId, long decidedOnVersion, Decision decision, PatientDetails? patient = null)
    {
        if (decision.IsRefused)
            return CommandResult.Reject(decision.Refusal.Code, decision.Refusal.Detail);
        Append(context, streamId, decidedOnVersion, decision.Events, patient);
        return CommandResult.Accept(decision.Events);
    }

    /// <summary>
    /// A stream decided on as new is started (another command starting it first is a conflict); an existing one is
    /// appended only if it is still at the version decided on.
    /// </summary>
    public void Append(HandlerContext context, Guid streamId, long decidedOnVersion, IReadOnlyList<IDomainEvent> events, PatientDetails? patient = null)
    {
        if (events.Count == 0)
            return;
        var session = context.Session;
        if (decidedOnVersion == 0)
            session.Events.StartStream(streamId, [.. events]);
        else
            session.Events.Append(streamId, decidedOnVersion + events.Count, [.. events]);
        followUps.Plan(context, events, patient);
    }
}
