using Clinic.Api.Commands;
using Clinic.Domain.Practitioners;
using Marten;
using Wolverine;

namespace Clinic.Api.Practitioners;

public static class PractitionerCommandHandler
{
    public static async Task<(CommandResult, OutgoingMessages)> HandleAsync(
        IPractitionerCommand command, IDocumentSession session, Envelope envelope, CommandWriting writing, CancellationToken cancellationToken)
    {
        var practitioner = await session.Events.LoadPractitionerAsync(command.PractitionerId, cancellationToken);
        var decision = PractitionerDecider.Decide(command, practitioner.State);
        if (decision.IsRefused)
            return CommandWrites.Refused(decision);
        var writes = writing.Begin(session, envelope);
        writes.Append(command.PractitionerId, practitioner.Version, decision.Events);
        return writes.Accept();
    }
}
