using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Commands;

internal sealed class ClinicCommandHandler(EventAppender appender) : ICommandHandler<IClinicCommand>
{
    public async Task<CommandResult> HandleAsync(IClinicCommand command, HandlerContext context, CancellationToken cancellationToken)
    {
        var clinic = await context.Session.Events.LoadClinicAsync(command.ClinicId, cancellationToken);
        var decision = ClinicDecider.Decide(command, clinic.State);
        return appender.Apply(context, StreamIds.ForClinic(command.ClinicId), clinic.Version, decision);
    }
}
