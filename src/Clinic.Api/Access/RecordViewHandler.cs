using Clinic.Api.Commands;
using Clinic.Domain.Access;
using Clinic.Domain.Common;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Access;

/// <summary>Appends the look to the viewer's access log of the day: a record of who read what, itself immutable and audited.</summary>
internal sealed class RecordViewHandler : ICommandHandler<RecordView>
{
    public Task<CommandResult> HandleAsync(RecordView command, HandlerContext context, CancellationToken cancellationToken)
    {
        var viewer = context.Command;
        var viewed = new RecordViewed(viewer.ActorId, viewer.ActorRole, command.Resource, command.PatientId, command.ViewedAt);
        var log = StreamIds.ForAccessLog(viewer.TenantId, viewer.ActorId, DateOnly.FromDateTime(command.ViewedAt.UtcDateTime));
        context.Session.Events.Append(log, viewed);
        return Task.FromResult(CommandResult.Accept());
    }
}
