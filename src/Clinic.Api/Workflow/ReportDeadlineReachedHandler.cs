using Clinic.Domain.Common;
using Clinic.Domain.SideEffects;
using Clinic.Messaging.Delivery;

namespace Clinic.Api.Workflow;

/// <summary>Escalates a serious side effect whose regulator report is overdue; the escalation notification leaves with the event.</summary>
internal sealed class ReportDeadlineReachedHandler(TimeProvider clock) : IMessageHandler<ReportDeadlineReached>
{
    public Task HandleAsync(ReportDeadlineReached message, MessageContext context, CancellationToken cancellationToken) =>
        TimerCommand.RunAsync(context, new EscalateOverdueReport(message.PatientId, message.SideEffectId, clock.GetUtcNow()),
            RefusalCodes.ReportNotOverdue, clock, cancellationToken);
}
