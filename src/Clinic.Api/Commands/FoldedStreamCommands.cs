using Clinic.Domain.Common;
using Marten;
using Wolverine;

namespace Clinic.Api.Commands;

/// <summary>Commands decided on one stream folded from its events: load, decide, append at the version folded.</summary>
internal static class FoldedStreamCommands
{
    public static async Task<(CommandResult, OutgoingMessages)> DecideAsync<TState>(
        IDocumentSession session, Envelope envelope, CommandWriting writing,
        Guid streamId, Task<StreamAggregate<TState>> loading, Func<TState, Decision> decide)
    {
        var stream = await loading;
        var decision = decide(stream.State);
        if (decision.IsRefused)
            return CommandWrites.Refused(decision);
        var writes = writing.Begin(session, envelope);
        writes.Append(streamId, stream.Version, decision.Events);
        return writes.Accept();
    }
}
