using Clinic.Domain.Common;
using Clinic.Domain.Practitioners;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Commands;

internal sealed class PractitionerCommandHandler(EventAppender appender) : ICommandHandler<IPractitionerCommand>
{
    public async Task<CommandResult> HandleAsync(IPractitionerCommand command, HandlerContext context, CancellationToken cancellationToken)
    {
        var practitioner = await context.Session.Events.LoadPractitionerAsync(command.PractitionerId, cancellationToken);
        var decision = PractitionerDecider.Decide(command, practitioner.State);
        return appender.Apply(context, command.PractitionerId, practitioner.Version, decision);
    }
}
