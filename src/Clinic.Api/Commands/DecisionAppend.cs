using Clinic.Domain.Common;
using Clinic.EventStore.Sessions;
using Clinic.EventStore.Streams;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Commands;

/// <summary>Turns a decision into the unit of work's appends: refused, nothing is queued; accepted, its events go to the stream at the version it was decided on.</summary>
internal static class DecisionAppend
{
    public static CommandResult Apply(DocumentSession session, Guid streamId, string streamType, long decidedOnVersion, Decision decision)
    {
        if (decision.IsRefused)
            return CommandResult.Reject(decision.Refusal.Code, decision.Refusal.Detail);
        Append(session, streamId, streamType, decidedOnVersion, decision.Events);
        return CommandResult.Accept(decision.Events);
    }

    public static void Append(DocumentSession session, Guid streamId, string streamType, long decidedOnVersion, IReadOnlyList<IDomainEvent> events)
    {
        if (events.Count == 0)
            return;
        if (decidedOnVersion == 0)
            session.Events.StartStream(streamId, streamType, [.. events]);
        else
            session.Events.Append(streamId, ExpectedVersion.Exactly(decidedOnVersion), [.. events]);
    }
}
