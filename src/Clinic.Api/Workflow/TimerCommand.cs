using Clinic.Domain.Patients;
using Clinic.Messaging.Commands;
using Clinic.Messaging.Delivery;

namespace Clinic.Api.Workflow;

/// <summary>
/// A timer's command on the patient record. A refusal that means "too early" (this node's clock is behind the
/// database's, which fired the timer) puts the timer back until its due time by this node's clock, without
/// spending an attempt; any other refusal means the timer has nothing left to do (the session was cancelled, the
/// test read, the regulator notified...).
/// </summary>
internal static class TimerCommand
{
    /// <summary>The least wait before trying again, so that a timer due by this clock but still refused does not spin.</summary>
    private static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(
        MessageContext context, IPatientCommand command, string? tooEarlyCode, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await context.InvokeAsync(command, cancellationToken);
        if (result is CommandResult.Rejected { Code: var code } && code == tooEarlyCode)
        {
            var untilDue = context.DueAt - clock.GetUtcNow();
            context.Reschedule(untilDue > MinimumWait ? untilDue : MinimumWait);
        }
    }
}
