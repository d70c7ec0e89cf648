using Clinic.Domain.Sessions;
using Clinic.Messaging.Delivery;

namespace Clinic.Api.Workflow;

/// <summary>Records the reminder as sent; its notification to the patient leaves with that event (see <see cref="FollowUps"/>).</summary>
internal sealed class SendSessionReminderHandler(TimeProvider clock) : IMessageHandler<SendSessionReminder>
{
    public Task HandleAsync(SendSessionReminder message, MessageContext context, CancellationToken cancellationToken) =>
        TimerCommand.RunAsync(context, new RecordReminderSent(message.PatientId, message.SessionId, clock.GetUtcNow()), tooEarlyCode: null, clock, cancellationToken);
}
