using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Messaging.Delivery;

namespace Clinic.Api.Workflow;

/// <summary>Flags an allergy test whose reading fell due on the patient's record.</summary>
internal sealed class AllergyReadingDueHandler(TimeProvider clock) : IMessageHandler<AllergyReadingDue>
{
    public Task HandleAsync(AllergyReadingDue message, MessageContext context, CancellationToken cancellationToken) =>
        TimerCommand.RunAsync(context, new FlagAllergyReadingDue(message.PatientId, message.TestId, clock.GetUtcNow()),
            RefusalCodes.AllergyReadingNotDue, clock, cancellationToken);
}
