using Clinic.Api.Commands;
using Clinic.Domain.Practitioners;
using Marten;
using Wolverine;

namespace Clinic.Api.Practitioners;

public static class PractitionerCommandHandler
{
    public static Task<(CommandResult, OutgoingMessages)> HandleAsync(
        IPractitionerCommand command, IDocumentSession session, Envelope envelope, CommandWriting writing, CancellationToken cancellationToken) =>
        FoldedStreamCommands.DecideAsync(session, envelope, writing, command.PractitionerId,
            session.Events.LoadPractitionerAsync(command.PractitionerId, cancellationToken), practitioner => PractitionerDecider.Decide(command, practitioner));
}
