using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Commands;

/// <summary>Every command decided on the patient's stream alone.</summary>
internal sealed class PatientCommandHandler(EventAppender appender) : ICommandHandler<IPatientCommand>
{
    public async Task<CommandResult> HandleAsync(IPatientCommand command, HandlerContext context, CancellationToken cancellationToken)
    {
        var patient = await context.Session.Events.LoadPatientAsync(command.PatientId, cancellationToken);
        var decision = PatientDecider.Decide(command, patient.State);
        return appender.Apply(context, command.PatientId, patient.Version, decision, patient.State.Details);
    }
}
