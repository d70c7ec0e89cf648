using Clinic.Api.Commands;
using Clinic.Domain.ClinicPolicies;
using Marten;
using Wolverine;

namespace Clinic.Api.ClinicPolicies;

public static class ClinicCommandHandler
{
    public static async Task<(CommandResult, OutgoingMessages)> HandleAsync(
        IClinicCommand command, IDocumentSession session, Envelope envelope, CommandWriting writing, CancellationToken cancellationToken)
    {
        var clinic = await session.Events.LoadClinicAsync(command.ClinicId, cancellationToken);
        var decision = ClinicDecider.Decide(command, clinic.State);
        if (decision.IsRefused)
            return CommandWrites.Refused(decision);
        var writes = writing.Begin(session, envelope);
        writes.Append(StreamIds.ForClinic(command.ClinicId), clinic.Version, decision.Events);
        return writes.Accept();
    }
}
