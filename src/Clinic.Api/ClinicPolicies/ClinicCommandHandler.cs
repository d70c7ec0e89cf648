using Clinic.Api.Commands;
using Clinic.Domain.ClinicPolicies;
using Marten;
using Wolverine;

namespace Clinic.Api.ClinicPolicies;

public static class ClinicCommandHandler
{
    public static Task<(CommandResult, OutgoingMessages)> HandleAsync(
        IClinicCommand command, IDocumentSession session, Envelope envelope, CommandWriting writing, CancellationToken cancellationToken) =>
        FoldedStreamCommands.DecideAsync(session, envelope, writing, StreamIds.ForClinic(command.ClinicId),
            session.Events.LoadClinicAsync(command.ClinicId, cancellationToken), clinic => ClinicDecider.Decide(command, clinic));
}
