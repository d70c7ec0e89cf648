using Clinic.Domain.Patients;
using Clinic.Messaging.Commands;
using Clinic.Messaging.Delivery;

namespace Clinic.Api.Workflow;

/// <summary>
/// A timer's command on the patient record. A refusal that means "too early" fails the delivery, so it is
/// retried later; any other refusal means the timer has nothing left to do (the session was cancelled, the
/// test read, the regulator notified...).
/// </summary>
internal static class TimerCommand
{
    public static async Task RunAsync(MessageContext context, IPatientCommand command, string? tooEarlyCode, CancellationToken cancellationToken)
    {
        var result = await context.InvokeAsync(command, cancellationToken);
        if (result is CommandResult.Rejected { Code: var code } && code == tooEarlyCode)
            throw new TimerTooEarlyException($"{command.GetType().Name} was refused as too early ({code}).");
    }
}

internal sealed class TimerTooEarlyException(string message) : Exception(message);
